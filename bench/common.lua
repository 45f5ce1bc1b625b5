-- Shared by post.lua, get.lua and mixed.lua (wrk 4.x, LuaJIT). Loaded with dofile("bench/common.lua").
-- Environment (set by bench/load.sh):
--   BENCH_NAME   label printed in the result line
--   BENCH_RUN    small integer, different for every wrk run of one load.sh run (keeps authors, IPs
--                and texts distinct across runs, so the flood and duplicate rules never fire)
--   BENCH_TERMS  file with the imported moderation terms, one per line (post/mixed only)
--   BENCH_HOT    share of GETs and POSTs on the 20 hot articles (default 0.8)
--   BENCH_ARTICLES  how many articles the seed made (default 1000; bench/load.sh's SCALE=10: 10000)
--   BENCH_GZIP   GETs send "Accept-Encoding: gzip" as browsers do (default); 0 asks for plain JSON
--                (load.sh sets it from GZIP)

local M = {}

M.name = os.getenv("BENCH_NAME") or "bench"
M.run = tonumber(os.getenv("BENCH_RUN") or "1")
M.hot_share = tonumber(os.getenv("BENCH_HOT") or "0.8")
M.articles = tonumber(os.getenv("BENCH_ARTICLES") or "1000")
M.gzip = os.getenv("BENCH_GZIP") ~= "0"
M.hot = 20

function M.article()
  if math.random() < M.hot_share then
    return string.format("article-%04d", math.random(1, M.hot))
  end
  return string.format("article-%04d", math.random(M.hot + 1, M.articles))
end

-- --- comment texts -------------------------------------------------------------------------
local words = {
  "the", "council", "budget", "minister", "said", "report", "vote", "tax", "school", "hospital",
  "people", "city", "year", "money", "plan", "government", "because", "however", "would", "should",
  "think", "really", "article", "thank", "you", "for", "this", "and", "that", "with", "not", "but",
  "every", "family", "pays", "more", "than", "before", "while", "services", "are", "getting", "worse",
  "road", "repairs", "late", "again", "election", "promise", "kept", "broken", "numbers", "do", "add",
  "up", "my", "neighbours", "agree", "reporter", "asked", "good", "question", "nobody", "answered",
  "transport", "prices", "rent", "housing", "young", "old", "pension", "energy", "bills", "winter",
}

local function sentence(len_words)
  local t = {}
  for i = 1, len_words do
    t[i] = words[math.random(#words)]
  end
  local s = table.concat(t, " ")
  return s:sub(1, 1):upper() .. s:sub(2) .. ". "
end

-- Plain texts of 300 to 2,000 characters (pre-generated once per thread).
function M.texts(count)
  local out = {}
  for i = 1, count do
    local target = math.random(300, 1950)
    local parts, len = {}, 0
    while len < target do
      local s = sentence(math.random(6, 18))
      parts[#parts + 1] = s
      len = len + #s
    end
    out[i] = table.concat(parts):sub(1, target)
  end
  return out
end

function M.load_terms()
  local path = os.getenv("BENCH_TERMS")
  local terms = {}
  if path then
    local f = io.open(path, "r")
    if f then
      for line in f:lines() do
        if line:match("^%a+$") then terms[#terms + 1] = line end
      end
      f:close()
    end
  end
  return terms
end

-- JSON string escaping for the few characters our texts can hold.
local function esc(s)
  return (s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end))
end

-- --- one comment submission -----------------------------------------------------------------
-- Mix: 80 % plain (approved), 8 % with an imported term (held), 6 % with 3 links (held),
-- 6 % spam-ish shouting in capitals (held). Every text ends with a unique reference, every
-- request has its own name, e-mail and X-Forwarded-For address.
local state = { texts = nil, terms = nil, counter = 0, tid = 0 }

-- BENCH_ALTCHA: a file of solved proof-of-work challenges, one per line (bench/bots.sh). Each thread of
-- each wrk run takes every BENCH_ALTCHA_SLICES-th line from line BENCH_ALTCHA_SLOT + tid, so that no
-- solution is sent twice (the service accepts each once).
local function load_altcha(tid)
  local file = os.getenv("BENCH_ALTCHA")
  if not file or file == "" then return nil end
  local slices = tonumber(os.getenv("BENCH_ALTCHA_SLICES") or "1")
  local slot = tonumber(os.getenv("BENCH_ALTCHA_SLOT") or "0") + tid
  local out, i = {}, 0
  for line in io.lines(file) do
    if i % slices == slot then out[#out + 1] = line end
    i = i + 1
  end
  return out
end

function M.init_post(tid)
  state.tid = tid
  state.altcha = load_altcha(tid)
  state.texts = M.texts(256)
  state.terms = M.load_terms()
  if #state.terms == 0 then
    print("post: no terms loaded (BENCH_TERMS); held-by-term comments will be approved instead")
  end
end

local function ip_for(n)
  -- n < 2^28: a distinct address for every request of every run and thread
  return string.format("%d.%d.%d.%d", 11 + math.floor(n / 16777216) % 200, math.floor(n / 65536) % 256,
    math.floor(n / 256) % 256, n % 256)
end

function M.post_request()
  state.counter = state.counter + 1
  local c = state.counter
  local id = string.format("%d-%d-%d", M.run, state.tid, c)
  local text = state.texts[math.random(#state.texts)]
  local r = math.random()
  if r < 0.08 and #state.terms > 0 then
    local term = state.terms[math.random(#state.terms)]
    local cut = math.floor(#text / 2)
    while cut < #text and text:sub(cut, cut) ~= " " do cut = cut + 1 end
    text = text:sub(1, cut) .. term .. " " .. text:sub(cut + 1)
  elseif r < 0.14 then
    text = text .. " See https://example.org/a, https://example.net/b and https://example.com/c."
  elseif r < 0.20 then
    text = string.upper(text:sub(1, 400)) .. " CHEAP DEALS!!!!!!!!!! CLICK NOW"
  end
  text = text .. " (ref " .. id .. ")"
  local body = string.format('{"name":"Reader %s","email":"reader-%s@bench.example","text":"%s"}',
    id, id, esc(text))
  if state.altcha then
    -- Out of solutions: sent without one, so the service's 400s show in non2xx.
    body = body:sub(1, -2) .. string.format(',"altcha":"%s"}', state.altcha[c] or "")
  end
  local n = M.run * 4194304 + state.tid * 2097152 + c   -- run < 64, tid < 2, c < 2^21 per run
  return wrk.format("POST", "/api/articles/" .. M.article() .. "/comments", {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = ip_for(n),
    ["User-Agent"] = "wrk-bench/" .. M.name,
  }, body)
end

local get_headers = { ["Accept"] = "application/json" }
if M.gzip then get_headers["Accept-Encoding"] = "gzip" end

function M.get_request()
  return wrk.format("GET", "/api/articles/" .. M.article() .. "/comments?page=0&size=20", get_headers)
end

-- --- results --------------------------------------------------------------------------------
local threads = {}
local next_tid = 0

function M.setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  threads[#threads + 1] = thread
end

-- One line that bench/load.sh parses, then a readable summary.
function M.done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local rps = summary.requests / secs
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  -- wrk counts every byte it reads: status line, headers and body.
  local avg_bytes = summary.requests > 0 and summary.bytes / summary.requests or 0
  print(string.format("BENCH_RESULT name=%s requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d avg_bytes=%.0f",
    M.name, summary.requests, rps, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, socket_errors, avg_bytes))
  if e.status > 0 or socket_errors > 0 then
    print(string.format("BENCH_FAILED %s: %d non-2xx/3xx responses, %d socket errors", M.name, e.status, socket_errors))
  end
end

return M
