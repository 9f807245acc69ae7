// fast-xml-parser, graphgen's one XML reader, imported through this module only. `npm run build` bundles the
// compiled module with the parser's own modules into one file (record-build.ts): a run then loads one module
// instead of about forty (fast-xml-parser's and its dependencies'), about 15 ms less start-up, running the same code.
export { XMLParser, XMLValidator, type MatcherView } from "fast-xml-parser";
