// Reads the logs of one scripts/bench invocation (WORK/run-1 … run-N), writes docs/benchmarks.json
// and prints the "Against the targets" table computed from the same figures.
// Usage: node scripts/lib/bench-report.mjs WORK RUNS DATE [quick] JSON_OUT
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [work, runCount, date, mode, jsonOut] = process.argv.slice(2);
const WORKLOADS = { room200: "one room of 200", meetings50x10: "50 meetings × 10" };
// yoriaiBatched: the same server, its clients joined with batch: true as the web client does; the targets compare
// the per-event frames every client gets (yoriai), so a batched figure is shown, never counted against them.
const PEERS = { yoriai: "Yoriai", yoriaiBatched: "Yoriai, batched frames", bareVertx: "bare Vert.x", nodeWs: "Node.js ws" };
const P99_LIMIT_MS = 100;
/** The flooding bench's floor: a quiet p99 below it counts as this much (`FloodingClientBench.FLOOR_NANOS`). */
const FLOOD_FLOOR_MS = 20;

const read = (dir, file) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : "");

/** The row of the highest rate held at p99 ≤ 100 ms, as LoadGenerator decided it (it also requires deliveries to keep up). */
function fanoutFigure(log) {
  const rows = [...log.matchAll(/^\| (\d+) \| (\d+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|$/gm)].map((m) => ({
    rate: Number(m[1]), deliveries: Number(m[2]), acks: Number(m[3]), p50: Number(m[4]), p99: Number(m[5]),
  }));
  const failed = log === "" ? [null, "(no log: not run)"] : log.match(/^fan-out failed (.*)$/m);
  if (failed) {
    return { postsPerSecond: 0, deliveriesPerSecond: 0, acksPerSecond: 0, p50Ms: null, p99Ms: null, ceilingFound: false, failed: failed[1] };
  }
  const held = log.match(/^highest rate held at p99 <= 100 ms: (\d+) posts\/s/m);
  const row = held && rows.find((r) => r.rate === Number(held[1]));
  if (!row) { // no rate held: the ceiling lies below the lowest rate tried
    return { postsPerSecond: 0, deliveriesPerSecond: 0, acksPerSecond: 0, p50Ms: null, p99Ms: null, ceilingFound: rows.length > 0 };
  }
  return {
    postsPerSecond: row.rate, deliveriesPerSecond: row.deliveries, acksPerSecond: row.acks, p50Ms: row.p50, p99Ms: row.p99,
    // false when even the last rate tried held: the ceiling lies above it and a ratio is only a bound
    ceilingFound: rows.indexOf(row) < rows.length - 1,
  };
}

function searchFigures(dir, kind) {
  const figures = {};
  for (const [size, log] of searchLogs(dir)) {
    const q = log.match(new RegExp(`^queries=${kind} entries=\\d+ count=(\\d+) p50=([\\d.]+) ms p95=([\\d.]+) ms max=([\\d.]+) ms`, "m"));
    if (!q) continue;
    figures[size] = { p50Ms: Number(q[2]), p95Ms: Number(q[3]), maxMs: Number(q[4]), queries: Number(q[1]) };
    // the first pass over the queries right after the start, before the JIT has compiled the search (decision 131)
    const first = log.match(new RegExp(`^first=${kind} entries=\\d+ count=\\d+ p50=([\\d.]+) ms p95=([\\d.]+) ms`, "m"));
    if (first) Object.assign(figures[size], { firstPassP50Ms: Number(first[1]), firstPassP95Ms: Number(first[2]) });
  }
  return figures;
}

function indexingFigures(dir) {
  const figures = {};
  for (const [size, log] of searchLogs(dir)) {
    const built = log.match(/^entries=\d+ rebuild=(\d+) entries\/s \([\d.]+ s\) index\(\)\+commit=(\d+) entries\/s index size=([\d.]+) MB/m);
    if (built) figures[size] = { rebuildEntriesPerSecond: Number(built[1]), indexedOneByOnePerSecond: Number(built[2]), indexMB: Number(built[3]) };
  }
  return figures;
}

/** Size → the last line of each search-SIZE.log missing a kind of figure (the JVM crashed, ran out of memory, …). */
function searchFailures(dir) {
  const failures = {};
  for (const [size, log] of searchLogs(dir)) {
    if (!/^queries=words /m.test(log) || !/^queries=sentences /m.test(log)) {
      failures[size] = (log.trim().split("\n").pop() || "(empty log)").replaceAll("|", "\\|"); // a cell of the table
    }
  }
  return failures;
}

/** [size, log] of every search-SIZE.log, smallest first. */
function searchLogs(dir) {
  const sizes = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const m = name.match(/^search-(\d+)\.log$/);
    if (m) sizes.push([m[1], read(dir, name)]);
  }
  return sizes.sort((a, b) => Number(a[0]) - Number(b[0]));
}

function runFigures(dir) {
  const fanout = {};
  for (const workload of Object.keys(WORKLOADS)) {
    fanout[workload] = Object.fromEntries(Object.keys(PEERS).map((peer) => [peer, fanoutFigure(read(dir, `fanout-${workload}-${peer}.log`))]));
  }
  const idle = Object.fromEntries([...read(dir, "idle.txt").matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
  const perParticipant = (from, to) =>
    (idle.participants && idle[from] !== undefined && idle[to] !== undefined ? round1((idle[to] - idle[from]) / idle.participants / 1024) : null);
  const storm = read(dir, "storm.log").match(
    /reconnect storm: (\d+) participants rejoined with lastSeq and caught up to seq \d+ in ([\d.]+) s; gaps (\d+), still behind (\d+)/);
  const floodLog = read(dir, "flood.log");
  const flood = floodLog.match(
    /^flooding client, (\d+) runs .*ratio ([\d.]+) \/ ([\d.]+) \/ ([\d.]+); within 2 × max\(quiet p99, 20 ms\) in (\d+) of (\d+)/m);
  // the target's own measure: each run's p99 under the flood over max(quiet p99, 20 ms), the worst of the runs
  const bounded = [...floodLog.matchAll(/^\| \d+ \| ([\d.]+) \| ([\d.]+) \|/gm)]
    .map((m) => Number(m[2]) / Math.max(Number(m[1]), FLOOD_FLOOR_MS));
  return {
    fanout,
    ackedPostsPerSecond: fanout.meetings50x10.yoriai.acksPerSecond,
    idle: {
      participants: idle.participants ?? null,
      heapKiBPerParticipant: perParticipant("heap0", "heap1"),
      rssKiBPerParticipant: perParticipant("rss0", "rss1"),
    },
    storm: storm // the poster stays; every other participant drops and rejoins
      ? { participants: Number(storm[1]) + 1, seconds: Number(storm[2]), gaps: Number(storm[3]), stillBehind: Number(storm[4]) }
      : { participants: null, seconds: null, gaps: null, stillBehind: null },
    search: searchFigures(dir, "words"),
    searchSentences: searchFigures(dir, "sentences"),
    indexing: indexingFigures(dir),
    searchFailed: searchFailures(dir),
    flood: flood
      ? { runs: Number(flood[1]), ratioMin: Number(flood[2]), ratioMedian: Number(flood[3]), ratioMax: Number(flood[4]),
          withinTarget: Number(flood[5]), boundedRatioMax: bounded.length ? round2(Math.max(...bounded)) : null }
      : null,
  };
}

const thousands = (x) => (x === null || x === undefined ? "?" : x.toLocaleString("en-US"));
const round1 = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;
const ratio = (a, b) => (b ? round2(a / b) : null);

/** Each target: how to read its value from one run, the goal, and whether a value meets it. */
function targetDefinitions() {
  const list = [];
  for (const [workload, label] of Object.entries(WORKLOADS)) {
    for (const [peer, goal] of [["bareVertx", 0.5], ["nodeWs", 1]]) {
      list.push({
        key: `fanout.${workload}.yoriai/${peer}`,
        target: `fan-out, ${label}: Yoriai ≥ ${goal}× ${PEERS[peer]} (deliveries/s held at p99 ≤ ${P99_LIMIT_MS} ms)`,
        value: (r) => (r.fanout[workload].yoriai.failed ? null
          : ratio(r.fanout[workload].yoriai.deliveriesPerSecond, r.fanout[workload][peer].deliveriesPerSecond)),
        detail: (r) => `(${thousands(r.fanout[workload].yoriai.deliveriesPerSecond)} vs ${thousands(r.fanout[workload][peer].deliveriesPerSecond)}`
          + ` deliveries/s${bound(r.fanout[workload].yoriai, r.fanout[workload][peer])})`,
        met: (v) => v >= goal,
        format: (v) => `${v}×`,
        missing: (r) => (r.fanout[workload].yoriai.failed ? `Yoriai's run failed ${r.fanout[workload].yoriai.failed}`
          : r.fanout[workload][peer].failed ? `${PEERS[peer]}'s run failed ${r.fanout[workload][peer].failed}`
          : `${PEERS[peer]} held no rate tried (its ceiling lies below the lowest)`),
        noValue: "no ratio",
      });
    }
  }
  list.push({
    key: "ackedPostsPerSecond",
    target: `≥ 4,000 acknowledged posts/s into the durable store, 50 meetings × 10, p99 ≤ ${P99_LIMIT_MS} ms`,
    value: (r) => r.ackedPostsPerSecond,
    detail: (r) => (r.fanout.meetings50x10.yoriai.failed ? `(the run failed ${r.fanout.meetings50x10.yoriai.failed})`
      : r.fanout.meetings50x10.yoriai.p99Ms === null ? "" : `(delivery p99 ${r.fanout.meetings50x10.yoriai.p99Ms} ms)`),
    met: (v) => v >= 4000,
    format: (v) => `${thousands(v)}/s`,
  });
  for (const [kind, label] of [["search", "word queries"], ["searchSentences", "sentence queries"]]) {
    list.push({
      key: `${kind}.100000.p95Ms`,
      target: `archive search p95 ≤ 20 ms at 100,000 entries, ${label}`,
      value: (r) => r[kind]["100000"]?.p95Ms ?? null,
      detail: (r) => [r[kind]["100000"]?.firstPassP95Ms === undefined ? "" : `first pass after the start ${r[kind]["100000"].firstPassP95Ms} ms`,
        r[kind]["10000"] ? `${r[kind]["10000"].p95Ms} ms at 10,000` : ""].filter(Boolean).map((d) => `(${d})`).join(" "),
      met: (v) => v <= 20,
      format: (v) => `${v} ms`,
      missing: (r) => notMeasuredAt100000(r)
        + (r[kind]["10000"] ? `; p95 ${r[kind]["10000"].p95Ms} ms at 10,000` : ""),
    });
  }
  list.push({
    key: "idle.heapKiBPerParticipant",
    target: "heap per joined participant ≤ 30 KiB at 10,000",
    value: (r) => r.idle.heapKiBPerParticipant,
    detail: (r) => `(${thousands(r.idle.participants)} joined; RSS ${r.idle.rssKiBPerParticipant} KiB each)`,
    met: (v) => v <= 30,
    format: (v) => `${v} KiB`,
  });
  list.push({
    key: "storm.seconds",
    target: "reconnect storm caught up in ≤ 5 s with no gaps",
    value: (r) => (r.storm.seconds === null ? null : r.storm.seconds),
    detail: (r) => `(${thousands(r.storm.participants)} participants; gaps ${r.storm.gaps}, still behind ${r.storm.stillBehind})`,
    met: (v, r) => v <= 5 && r.storm.gaps === 0 && r.storm.stillBehind === 0,
    format: (v) => `${v} s`,
  });
  list.push({
    key: "flood.boundedRatioMax",
    target: `flooding client: others' p99 ≤ 2 × max(quiet p99, ${FLOOD_FLOOR_MS} ms)`,
    value: (r) => r.flood?.boundedRatioMax ?? null,
    detail: (r) => (r.flood ? `(p99 under the flood over max(quiet p99, ${FLOOD_FLOOR_MS} ms), the worst of ${r.flood.runs};`
      + ` within in ${r.flood.withinTarget} of ${r.flood.runs}; over the quiet p99 alone min / median / max`
      + ` ${r.flood.ratioMin} / ${r.flood.ratioMedian} / ${r.flood.ratioMax})` : ""),
    met: (v) => v <= 2,
    format: (v) => `${v}×`,
  });
  return list;
}

function notMeasuredAt100000(run) {
  const failure = run.searchFailed["100000"];
  if (failure !== undefined) return `the 100,000-entry search gave no figures (${failure})`;
  return mode === "quick" ? "not measured at 100,000 (a --quick run indexes 10,000 only)" : "not measured at 100,000 (no search-100000.log)";
}

function bound(yoriai, peer) {
  if (yoriai.failed) return `; Yoriai's run failed ${yoriai.failed}`;
  if (peer.failed) return `; the peer's run failed ${peer.failed}`;
  if (yoriai.postsPerSecond === 0) return "; Yoriai held no rate tried: its ceiling lies below the lowest";
  if (!yoriai.ceilingFound) return "; Yoriai held the highest rate tried: a lower bound";
  if (!peer.ceilingFound) return "; the peer held the highest rate tried: an upper bound";
  return "";
}

function missingText(target, run) {
  if (typeof target.missing === "function") return target.missing(run);
  return target.missing ?? "not measured";
}

function computeTargets(runs) {
  return targetDefinitions().map((t) => {
    const values = runs.map(t.value);
    const measured = values.filter((v) => v !== null && v !== undefined);
    const metCount = runs.filter((r, i) => values[i] !== null && values[i] !== undefined && t.met(values[i], r)).length;
    return {
      key: t.key, target: t.target, values,
      min: measured.length ? Math.min(...measured) : null,
      max: measured.length ? Math.max(...measured) : null,
      met: measured.length === 0 ? t.noValue ?? "not measured" : metCount === runs.length ? "yes" : metCount === 0 ? "no" : `in ${metCount} of ${runs.length} runs`,
      details: runs.map((r, i) => (values[i] === null || values[i] === undefined ? missingText(t, r) : t.detail(r))),
      format: t.format,
    };
  });
}

function targetsMarkdown(targets, runs) {
  const lines = [
    "## Against the targets",
    "",
    runs === 1
      ? "Computed by `scripts/bench` from this run's figures below (the same data as `docs/benchmarks.json`)."
      : `Computed by \`scripts/bench\` from the ${runs} runs below: min–max over the runs, then each run's figure.`,
    "",
    "| target | measured | met |",
    "|---|---|---|",
  ];
  for (const t of targets) {
    let measured;
    if (t.min === null) {
      measured = t.details[0];
    } else if (runs === 1) {
      measured = `${t.format(t.values[0])} ${t.details[0]}`.trim();
    } else {
      const perRun = t.values.map((v, i) => `run ${i + 1}: ${v === null ? t.details[i] : `${t.format(v)} ${t.details[i]}`.trim()}`);
      measured = `${t.format(t.min)}–${t.format(t.max)} (${perRun.join("; ")})`;
    }
    lines.push(`| ${t.target} | ${measured} | ${t.met} |`);
  }
  lines.push("");
  return lines.join("\n") + "\n";
}

const runs = Number(runCount);
const perRun = Array.from({ length: runs }, (_, i) => runFigures(join(work, `run-${i + 1}`)));
const targets = computeTargets(perRun);
const report = {
  date,
  mode: mode === "quick" ? "quick" : "full",
  runCount: runs,
  // the top-level figures are the first run's; "runs" holds every run when there are several
  ...perRun[0],
  targets: targets.map(({ format, ...t }) => t),
  ...(runs > 1 && { runs: perRun }),
};
writeFileSync(jsonOut, JSON.stringify(report, null, 2) + "\n");
process.stdout.write(targetsMarkdown(targets, runs));
