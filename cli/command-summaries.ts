// One line per command, for `lazarus --help` and each command's own spec: kept apart from
// the commands' modules so that listing them loads none of those (the simulator, the checker,
// the report page), and `lazarus --help` starts as fast as `lazarus schema`.

/** commandSummaries maps each command's name, in the order `lazarus --help` lists them, to its one line. */
export const commandSummaries = {
  run: "simulate the store on the built-in default scenario and check its history",
  check: "check recorded histories (lazarus, Jepsen, Porcupine) against the spec",
  report: "draw a checked history as a self-contained HTML page (report FILE -o OUT.html)",
  explore: "sweep a grid of configurations over many seeds; print anomaly rates per cell",
  replay: "record a history again from the origin in its header, and compare byte for byte",
  schema: "print the JSON Schema of one line of a history",
} as const;
