// The tour of the bug zoo (docs/bug-zoo.md and docs/zoo/): what its generated parts and
// report pages must hold, and the writer of them. Everything else in cli/zoo-tour is private.
export type { ZooTour } from "./tour.ts";
export { pagesFolder, tourPage, writeZooTour, writtenBy, zooTour } from "./tour.ts";
