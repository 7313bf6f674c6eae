export {
  annotateWorkbook,
  type AnnotateInput,
  type AnnotateOptions,
  type AnnotateResult,
  type PackageExtension,
} from "./annotate";
