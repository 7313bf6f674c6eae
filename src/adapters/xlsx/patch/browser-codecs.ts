/** The patcher's codecs where there is no `node:zlib` (the task pane): `fflate` both ways. */
import { fflateInflate } from "../read/inflate-fflate";
import { browserCodec } from "../write/deflate";
import type { PackageCodecs } from "./package";

export const BROWSER_PACKAGE_CODECS: PackageCodecs = { inflate: fflateInflate, deflate: browserCodec };
