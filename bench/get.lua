-- wrk -s bench/get.lua: first page of an article's approved comments; 80 % on 20 hot articles.
local b = dofile("bench/common.lua")
function setup(thread) b.setup(thread) end
function init(args) math.randomseed(os.time() + (tid or 0) * 7919) end
function request() return b.get_request() end
function done(summary, latency, requests) b.done(summary, latency, requests) end
