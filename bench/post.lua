-- wrk -s bench/post.lua: POST comments (JSON), distinct authors, IPs and texts per request.
local b = dofile("bench/common.lua")
function setup(thread) b.setup(thread) end
function init(args) math.randomseed(os.time() + (tid or 0) * 7919); b.init_post(tid or 0) end
function request() return b.post_request() end
function done(summary, latency, requests) b.done(summary, latency, requests) end
