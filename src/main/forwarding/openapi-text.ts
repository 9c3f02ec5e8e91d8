/** The prose of the central contract: the rules a server team needs beyond the schemas. */

export const overview = `What a complaint desk (Meja Pengaduan) of the Mal Pelayanan Publik Kabupaten Probolinggo sends to the
Pemkab's central server, and what it reads back. This document is the whole contract: a server built
from it alone, and passing \`npm run central:conformance -- --url <server> --token <token> --desk <code>\`
from the desk's repository, works with every desk.

## Transport
- HTTPS only. The desk refuses \`http://\` except on loopback, or for one host an admin names (recorded
  in the desk's audit and shown there as a standing warning).
- Every request but \`GET /v1/health\` carries \`Authorization: Bearer <desk token>\` and
  \`X-Desk-Code: <desk code>\` (pattern \`^[A-Z0-9]{2,8}$\`). A token belongs to one desk code.
- Request bodies are \`application/json\` in UTF-8, at most 1 MiB (a file's pieces are
  \`application/offset+octet-stream\`, at most 1 MiB each). Answer bodies must be
  \`application/json\`. The desk reads at most 256 KiB of an acknowledgement, 2 MiB of a page of
  changes and 16 KiB of an error; past that it stops reading and drops the connection.
- **Redirects are never followed.** A 3xx parks the record on the desk with a message naming the other
  host. A conforming server never redirects these paths.

## Identity and idempotency
- Every id is a UUIDv7 made on the desk, in lower case. The server stores the id it is given.
- The body's \`id\` equals the \`{id}\` of the path; an event's \`complaintId\` equals the path's \`{id}\`;
  a complaint's \`deskCode\` equals \`X-Desk-Code\`. Otherwise the answer is 422.
- Every write is idempotent by its id. The desk sends at least once (after a lost answer it sends the
  same body again), so the effect must be exactly once.
- **Same content** means the same canonical JSON: the whole body with the keys of every object sorted by
  code point, no insignificant white space, numbers and strings as JSON writes them (attachments
  included). A second PUT of an id with the same content answers 200 with the stored record; with
  different content, 409. A second POST of an event id answers 200 with the stored event whatever its
  content (an event is never changed).

## Order
The desk sends a complaint before any of its events, and a complaint's events in the order they
happened, one at a time per complaint (complaints go in parallel). An event for a complaint the server
does not hold answers 404 with code UNKNOWN_COMPLAINT; a conforming desk never causes it.

## Files
A complaint's files (photos, scanned letters, PDFs) are uploaded by their SHA-256, before the complaint
or the LAMPIRAN event that names them, in the same order as the rest of that complaint. The desk asks
\`GET /v1/attachments/{sha256}\` how much the server holds (404: nothing), then sends the rest in pieces
of at most 1 MiB with \`PATCH\`, each at the \`Upload-Offset\` the server holds and with the same
\`Upload-Length\`. The server appends each piece, answers the state after it, and when all bytes are
there checks their SHA-256 against the path (a mismatch drops the partial file and answers 422). A file
held whole answers every later PATCH with 200 and stores nothing, so a retry or the same file on another
complaint sends nothing twice in effect; a dropped connection goes on from what arrived. A 409 means the
offset is not the server's: the desk asks again and continues. Files are JPEG, PNG or WebP (re-encoded
on the desk, location removed unless kept as evidence) or PDF, each at most 50 MiB. A file marked
\`personal\` holds personal data (an ID card, say): show it only to those allowed. LAMPIRAN_DIHAPUS
takes a file off a complaint; a file erased on the desk before it went (the person's data erased) is
never sent, and no event names it afterwards.

## Corrections
A supervisor's correction is an event of kind KOREKSI. Its \`data.changes\` maps each corrected field,
named as in Complaint (\`title\`, \`location.kecamatanCode\`, \`categoryCode\`, \`complainant.name\`, …),
to \`{ before, after }\`; \`data.complainant\` holds the new values of corrected personal fields (NIK,
phone, email, address; null clears one). The server applies \`after\` (and the personal values) to its
copy of the complaint; the complaint's PUT body is never sent again with new content. When
\`anonymous\` becomes true the server withholds the complainant from the agency, as for an Anonim report.

## Status codes and what the desk does
| status | meaning | the desk |
|---|---|---|
| 200, 201 | stored now (201) or already stored (200); body: the stored record | delivered, only if the body validates and names the record sent |
| other 2xx (202, 204…) | not part of the contract | treated as a failure: retried, then parked |
| 3xx | never sent by a conforming server | parked, naming the other host; never followed |
| 400 | malformed request (JSON, path id, query) | parked for a supervisor |
| 401, 403 | token missing, wrong, revoked; desk not allowed | all sending paused; an admin is alerted |
| 404 | unknown path, or UNKNOWN_COMPLAINT for an event | parked |
| 408, 429 | too slow, too many: send \`Retry-After\` | retried after Retry-After (seconds or an HTTP date, at most one hour) |
| 409 | same id, different content | parked |
| 413, 415, 422 | too large, not JSON, refused content | parked; the error message is shown to a supervisor |
| 5xx | server trouble: send \`Retry-After\` when known | retried with exponential backoff and jitter |

A 2xx whose body is not JSON, does not validate, or names another record counts as a failure: the desk
retries it and parks the record after 5 such answers in a row. Network errors and timeouts (15 s over
the whole exchange) are retried.

## Errors
Every 4xx and 5xx carries an Error body: \`{ "error": { "code", "message", "field"? } }\`. Codes:
BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, UNKNOWN_COMPLAINT, CONFLICT, PAYLOAD_TOO_LARGE,
UNSUPPORTED_MEDIA_TYPE, INVALID, RATE_LIMITED, INTERNAL, MAINTENANCE. \`message\` is shown to the desk's
supervisor as it is (Bahasa Indonesia preferred, at most 2,000 characters).

## Changes made centrally
\`GET /v1/changes\` is the change feed **of the calling desk** (by \`X-Desk-Code\`): verification,
disposition, agency follow-up, completion and LAPOR! tracking ids of that desk's complaints, oldest
first. The desk keeps \`next\` and sends it as \`after\`; a first request sends \`after\` empty. An empty
page returns the \`after\` it was given as \`next\`. \`limit\` defaults to 100, at most 500; a page never
holds more. A change may come more than once (after a lost answer, or a cursor reset on the server):
the desk applies each change id once. The desk pulls every minute while it is online (an admin setting),
backing off on errors up to 15 minutes.`;

export const descriptions = {
  putComplaint:
    'Stores a complaint exactly as the desk recorded it. Idempotent by id: the same content again answers 200; different content under the same id answers 409. Corrections never come through this call; they are KOREKSI events.',
  postEvent:
    'Appends one history event of a complaint (status changes, notes, corrections, prints). Idempotent by the event id. The complaint must already be stored (the desk always sends it first).',
  putDayRegister:
    'Stores the daily register a desk’s supervisor closed (Tutup hari): the register’s canonical content and its SHA-256, which is printed on the paper register. A register never changes: the same id and content again answers 200; a different register for the same desk and day answers 409. A body whose `day` or `deskCode` differs from the path or X-Desk-Code answers 422. The server may check that `digest` is the SHA-256 of `content`.',
  getAttachment:
    'How much of a file the server holds, by the SHA-256 of the whole file: `received` is where the next piece starts; `complete` once the whole file arrived and its SHA-256 matched. 404 when no byte of it is held.',
  patchAttachment:
    'Appends one piece (at most 1 MiB) at `Upload-Offset`, which must equal what the server holds (else 409). When the file is whole, its SHA-256 is checked against the path (422 and the partial file dropped on a mismatch). A file already whole answers 200 with its state and stores nothing: idempotent by hash.',
  getChanges:
    'Changes made centrally to this desk’s complaints, oldest first, from a cursor. Scoped to the calling desk by X-Desk-Code.',
  health:
    'Reachability. Needs no token. The desk asks it every few seconds while the server is unreachable, and right after a dropped connection, and treats only this exact answer as "up".',
};
