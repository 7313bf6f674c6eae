export {
  annotateWorkbook,
  type AnnotateInput,
  type AnnotateOptions,
  type AnnotateResult,
  type PackageExtension,
} from "./annotate";
export type { PackageCodecs } from "./package";
export { BROWSER_PACKAGE_CODECS } from "./browser-codecs";
