// Writes the generated parts of docs/bug-zoo.md and the report pages docs/zoo/<bug>.html
// from histories/zoo: `npm run zoo:tour` runs it, and `npm run zoo` after recording the zoo.
// test/docs/bug-zoo-in-sync.test.ts fails while they are out of date.
import { writeZooTour } from "./tour.ts";

await writeZooTour();
