/** A file sent in a multipart request, such as a dispute document. */
export interface UploadableFile {
  /** The file name sent in the part's Content-Disposition; must not be blank. */
  fileName: string;
  content: Buffer | string | NodeJS.ReadableStream;
  /** The part's Content-Type, e.g. `application/pdf`; must not be blank. */
  contentType: string;
  /** Length in bytes, when known; -1 or absent when unknown. */
  contentLength?: number;
}
