-- wrk -s bench/mixed.lua: 90 % GET first page, 10 % POST comment.
local b = dofile("bench/common.lua")
function setup(thread) b.setup(thread) end
function init(args) math.randomseed(os.time() + (tid or 0) * 7919); b.init_post(tid or 0) end
function request()
  if math.random() < 0.1 then return b.post_request() end
  return b.get_request()
end
function done(summary, latency, requests) b.done(summary, latency, requests) end
