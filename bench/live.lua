-- wrk -s bench/live.lua http://host/q/health/live: the framework's ceiling (trivial endpoint).
local b = dofile("bench/common.lua")
function setup(thread) b.setup(thread) end
function done(summary, latency, requests) b.done(summary, latency, requests) end
