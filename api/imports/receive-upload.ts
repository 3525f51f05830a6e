// A multipart upload streamed to disk as it arrives: the body is never held in memory, the size limit is
// enforced while streaming, and anything refused leaves no file behind.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Busboy } from '@fastify/busboy';
import { formatByteSize } from '../../common/byte-size.ts';
import { ProblemError } from '../problem.ts';
import { acceptedList, isAcceptedName, storedName } from './accepted.ts';

export interface ReceivedUpload {
  /** Where the file was written. */
  path: string;
  /** The file's name as the client sent it (made safe). */
  name: string;
  bytes: number;
  fields: Record<string, string>;
}

/** Room for the form's other fields (a mapping file is the largest) beside the file itself. */
const formOverheadBytes = 2 * 1024 * 1024;
const fieldLimitBytes = 1024 * 1024;

function tooLarge(limitBytes: number): ProblemError {
  return new ProblemError(413, 'Upload too large', `The file is larger than this server's upload limit of ${formatByteSize(limitBytes)} (SERVICEPULSE_UPLOAD_LIMIT).`, {
    limit_bytes: limitBytes,
  });
}

/** Busboy for the request's form; a Content-Type it cannot parse (no boundary) is the client's error. */
function multipartParser(contentType: string, limitBytes: number) {
  try {
    return Busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fields: 20, fieldSize: fieldLimitBytes, fileSize: limitBytes } });
  } catch (error) {
    throw new ProblemError(400, 'Invalid upload', `Content-Type: ${(error as Error).message}; send multipart/form-data with its boundary (a form library or \`curl -F\` writes both).`);
  }
}

/**
 * Writes the form's `file` part into `folder` (created, and removed again on any refusal) and collects
 * the other fields. The file field must come with a name whose extension is an accepted export type.
 */
export async function receiveUpload(request: Request, folder: string, limitBytes: number): Promise<ReceivedUpload> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limitBytes + formOverheadBytes) throw tooLarge(limitBytes);
  if (!request.body) throw new ProblemError(400, 'Invalid upload', 'The request has no body.');

  await mkdir(folder, { recursive: true });
  const fields: Record<string, string> = {};
  let file: { path: string; name: string; written: Promise<number> } | undefined;
  let refusal: ProblemError | undefined;
  const refuse = (problem: ProblemError) => (refusal ??= problem);

  try {
    const form = multipartParser(request.headers.get('content-type') ?? '', limitBytes);
    form.on('file', (fieldName, stream, clientName) => {
      if (fieldName !== 'file') {
        refuse(new ProblemError(400, 'Invalid upload', `Unexpected file field "${fieldName}": send the export as the field "file".`));
        return stream.resume();
      }
      const name = storedName(clientName ?? '');
      if (!isAcceptedName(name)) {
        refuse(new ProblemError(415, 'Unsupported file type', `"${clientName}" is not an export ServicePulse reads. Accepted: ${acceptedList}.`, { accepted: acceptedList }));
        return stream.resume();
      }
      // Past the limit busboy truncates the part and discards the rest of the body, so the answer waits
      // for the client to finish sending instead of cutting the connection before it reads the 413.
      stream.once('limit', () => refuse(tooLarge(limitBytes)));
      const path = join(folder, name);
      const target = createWriteStream(path);
      const written = pipeline(stream, target).then(() => target.bytesWritten);
      written.catch(() => {}); // awaited below, unless the form fails first
      file = { path, name, written };
    });
    form.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) refuse(new ProblemError(400, 'Invalid upload', `The form field "${name}" is longer than ${formatByteSize(fieldLimitBytes)}.`));
      fields[name] = value;
    });
    form.on('filesLimit', () => refuse(new ProblemError(400, 'Invalid upload', 'Send one file per upload.')));
    try {
      await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), form);
    } catch (error) {
      throw refusal ?? new ProblemError(400, 'Invalid upload', `The request body is not a readable multipart form: ${(error as Error).message}.`);
    }
    const bytes = file ? await file.written : 0;
    if (refusal) throw refusal;
    if (!file) throw new ProblemError(400, 'Invalid upload', 'The form has no "file" field with the export.');
    return { path: file.path, name: file.name, bytes, fields };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
