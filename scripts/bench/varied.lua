-- wrk script for `make bench`: every request carries a new, valid profile, as a person changing
-- inputs does, so the per-process render cache answers (almost) none of them.
--
--   wrk -t2 -c32 -d10s --latency -s scripts/bench/varied.lua http://127.0.0.1:PORT -- DATA PATH [COOKIE [POST TOKEN]]
--
-- DATA is the Lua file `scripts/bench.py setup` writes from the database (the slugs the forms
-- accept, the year range), so the inputs never drift from the data. PATH is the live-update URL
-- (/estimate/, /plans/ID/ or /details/?part=options; the profile is added to its query), COOKIE the
-- owner's session cookie for a plan. POST (with the CSRF token of the cookie's csrftoken) sends the profile
-- in the body instead, as a plan's live update does (/plans/ID/preview/).
-- Each request is an htmx live update: `HX-Request: true`, `Accept-Encoding: gzip`.
-- BENCH_VARIED_CHECK=1 (with -t1 -c1) counts statuses and distinct URLs and prints them as JSON.

local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function seed()
  -- Differently per thread and per run: a warm-up must not fill the cache for the measured run.
  local n = os.time()
  local urandom = io.open("/dev/urandom", "rb")
  if urandom then
    local bytes = urandom:read(4)
    urandom:close()
    n = 0
    for i = 1, #bytes do
      n = n * 256 + bytes:byte(i)
    end
  end
  math.randomseed(n + (id or 0) * 7919)
  for _ = 1, 10 do
    math.random() -- the first draws after a seed are the least random
  end
end

local function pick(list)
  return list[math.random(#list)]
end

local function escape(s)
  return (tostring(s):gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function init(args)
  data = dofile(args[1])
  path = args[2]
  if args[3] and args[3] ~= "" then
    wrk.headers["Cookie"] = args[3]
  end
  method = args[4] or "GET"
  if method == "POST" then
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["X-CSRFToken"] = args[5] -- the token of the csrftoken cookie in COOKIE
  end
  wrk.headers["HX-Request"] = "true"
  wrk.headers["Accept-Encoding"] = "gzip"
  seed()
end

-- One profile, drawn as scripts/bench.py's `draw` does.
local function query()
  local parts = {
    "current_level=" .. escape(pick(data.current_level)),
    "years_experience=" .. math.random(data.years[1], data.years[2]),
    "location=" .. escape(pick(data.location)),
    "industry=" .. escape(pick(data.industry)),
    "company_type=" .. escape(pick(data.company_type)),
    "education=" .. escape(pick(data.education)),
  }
  local skills = { (table.unpack or unpack)(data.skills) }
  for i = 1, math.random(0, math.min(data.max_skills, #skills)) do
    local j = math.random(i, #skills) -- a partial Fisher-Yates shuffle: distinct skills
    skills[i], skills[j] = skills[j], skills[i]
    parts[#parts + 1] = "skills=" .. escape(skills[i])
  end
  parts[#parts + 1] = "work_mode=" .. escape(pick(data.work_mode))
  parts[#parts + 1] = "client_market=" .. escape(pick(data.client_market))
  parts[#parts + 1] = "target_track=" .. (math.random(2) == 1 and "" or escape(pick(data.target_track)))
  parts[#parts + 1] = "target_year="
    .. (math.random(2) == 1 and "" or tostring(math.random(data.target_year[1], data.target_year[2])))
  return table.concat(parts, "&")
end

function request()
  local q = query()
  local target = path .. (path:find("?", 1, true) and "&" or "?") .. q
  if checking then
    requested = requested + 1
    if not seen[target] then
      seen[target] = true
      distinct = distinct + 1
    end
    last = target
  end
  if method == "POST" then -- a plan's live update: the form's values in the body, as htmx sends them
    return wrk.format("POST", path, nil, q)
  end
  return wrk.format("GET", target)
end

if os.getenv("BENCH_VARIED_CHECK") == "1" then
  -- Only when checking: a response() function makes wrk hand every response to Lua.
  checking, seen, requested, distinct, answered, non_200, gzipped, bad = true, {}, 0, 0, 0, 0, 0, ""

  function response(status, headers, body)
    answered = answered + 1
    if headers["Content-Encoding"] == "gzip" then
      gzipped = gzipped + 1
    end
    if status ~= 200 then
      non_200 = non_200 + 1
      bad = status .. " " .. (last or "")
    end
  end

  function done(summary, latency, requests)
    local totals = { requested = 0, distinct = 0, answered = 0, non_200 = 0, gzipped = 0 }
    local example = ""
    for _, thread in ipairs(threads) do
      for key in pairs(totals) do
        totals[key] = totals[key] + thread:get(key)
      end
      if thread:get("bad") ~= "" then
        example = thread:get("bad")
      end
    end
    io.write(string.format(
      '{"requested": %d, "distinct": %d, "answered": %d, "non_200": %d, "gzipped": %d, "bad": "%s"}\n',
      totals.requested, totals.distinct, totals.answered, totals.non_200, totals.gzipped,
      (example:gsub('[\\"]', ""))
    ))
  end
end
