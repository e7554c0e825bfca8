/**
 * A streaming RFC 4180 reader that never gives up on a file: a malformed record (bad quoting, an
 * unclosed quote, a record over the size limit) is reported with its line and the reason, and
 * reading resumes at the next record. Records are reported with the physical line they start on
 * (the header is line 1). Lines without a quote take a fast path (split on commas).
 *
 * Unlike a general-purpose parser's error recovery, no record is ever skipped without a report:
 * every record read ends in `onRecord` or `onBad`, and lines that cannot be read as records at all
 * (an over-long quoted field never closed) end in `onUnreadable`.
 */
export interface CsvSink {
  onRecord(cells: string[], line: number): void;
  onBad(line: number, reason: string): void;
  /** Lines were lost and cannot be counted as records: the caller must fail. */
  onUnreadable(line: number, reason: string): void;
}

export const DEFAULT_MAX_RECORD_BYTES = 1 << 20;

/**
 * Hands runs of whole lines without a quote to someone else, undecoded: every such line is a record the
 * fast path would split on commas by itself, so another reader (a worker's) started on the run's first
 * line decodes it exactly as this one would. Lines with a quote stay here, where the quote state is.
 */
export interface RawRuns {
  /** `text` holds `lines` whole lines (each ending in \n), the first being line `line`; `records` of them are not blank */
  onRaw(text: string, line: number, lines: number, records: number): void;
  /** the most lines in one run */
  maxLines: number;
  /** a run shorter than this (before a quote) is decoded here: not worth a message of its own */
  minLines: number;
}

export class CsvReader {
  private buf = '';
  /** line number of buf[0] */
  private line = 1;
  /** discarding an oversized or broken record: quote state and where it started */
  private discard: { inQuotes: boolean; afterQuote: boolean; start: number; reason: string } | null = null;

  /** set to hand quote-free runs of lines over undecoded (see RawRuns); takes effect at the next record */
  raw: RawRuns | null = null;
  /** no raw run is tried before this position of buf (a quote follows too soon) */
  private decodeUntil = -1;

  constructor(
    private readonly sink: CsvSink,
    private readonly maxRecordChars: number = DEFAULT_MAX_RECORD_BYTES,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  write(text: string): void {
    this.buf = this.buf.length ? this.buf + text : text;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    if (this.discard) {
      const { start, inQuotes, reason } = this.discard;
      this.discard = null;
      // an over-long record whose quote never closes has swallowed the lines after it, which are
      // gone from the buffer: the run cannot count them, so it must fail
      if (inQuotes)
        this.sink.onUnreadable(
          start,
          `a quote opened on line ${start} is never closed: lines ${start}-${Math.max(start, this.line - 1)} could not be read as records`,
        );
      else this.sink.onBad(start, reason);
    }
  }

  private drain(eof: boolean): void {
    let pos = 0;
    const buf = this.buf;
    const n = buf.length;
    let quoteAt = -2; // the next quote at or after pos (-1: none; -2: not searched yet)
    this.decodeUntil = -1;
    while (pos < n) {
      if (this.raw && !this.discard && pos >= this.decodeUntil) {
        if (quoteAt !== -1 && quoteAt < pos) quoteAt = buf.indexOf('"', pos);
        const limit = quoteAt < 0 ? n : quoteAt;
        let end = pos;
        let lines = 0;
        let blank = 0; // blank lines are skipped, not records
        while (lines < this.raw.maxLines) {
          const nl = buf.indexOf('\n', end);
          if (nl < 0 || nl >= limit) break;
          if (nl === end || (nl === end + 1 && buf.charCodeAt(end) === 13)) blank++;
          end = nl + 1;
          lines++;
        }
        if (lines > 0 && (lines >= this.raw.minLines || lines === this.raw.maxLines || quoteAt < 0)) {
          this.raw.onRaw(buf.slice(pos, end), this.line, lines, lines - blank);
          this.line += lines;
          pos = end;
          continue;
        }
        // too few lines before a quote: decode up to the quote's line here
        this.decodeUntil = lines > 0 ? end : pos + 1;
      }
      if (this.discard) {
        const end = this.skip(buf, pos, eof);
        if (end < 0) {
          pos = n;
          break;
        }
        pos = end;
        continue;
      }
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !eof) {
        if (n - pos > this.maxRecordChars) {
          this.discardTooLong();
          continue;
        }
        break;
      }
      const lineEnd = nl < 0 ? n : nl;
      // the next quote, searched again only once passed (searching from every line is quadratic)
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = buf.indexOf('"', pos);
      if (quoteAt < 0 || quoteAt > lineEnd) {
        // fast path: no quote on this line
        let text = buf.slice(pos, lineEnd);
        if (text.endsWith('\r')) text = text.slice(0, -1);
        if (lineEnd - pos > this.maxRecordChars)
          this.sink.onBad(this.line, `record longer than ${this.maxRecordChars} characters`);
        else if (text.length > 0) this.sink.onRecord(text.split(','), this.line);
        this.line++;
        pos = lineEnd + 1;
        continue;
      }
      const r = this.parseQuoted(buf, pos, eof);
      if (r === null) {
        // need more input; guard the size of what is kept
        if (n - pos > this.maxRecordChars) {
          this.discardTooLong();
          continue;
        }
        break;
      }
      pos = r;
    }
    this.buf = pos >= n ? '' : buf.slice(pos);
  }

  /**
   * Parses one record starting at `pos` that contains a quote. Returns the position after it, or null
   * when the record continues past the buffer (and not at end of file).
   */
  /** Skips the rest of a record that has grown past the size limit, reporting it once it ends. */
  private discardTooLong(): void {
    this.discard = {
      inQuotes: false,
      afterQuote: false,
      start: this.line,
      reason: `record longer than ${this.maxRecordChars} characters`,
    };
  }

  private parseQuoted(buf: string, pos: number, eof: boolean): number | null {
    const cells: string[] = [];
    let field = '';
    let i = pos;
    let lines = 0;
    const n = buf.length;
    const start = this.line;
    for (;;) {
      // start of a field
      if (i < n && buf.charCodeAt(i) === 34) {
        // quoted field
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q < 0) {
            if (!eof) return null;
            // A quote never closed: only its own line is rejected, and reading starts again on the next
            // line, so the records after it are read (and counted) rather than swallowed.
            const nl = buf.indexOf('\n', pos);
            this.sink.onBad(
              start,
              `a quote opened on line ${start} is never closed: the line is rejected and reading resumes on the next line`,
            );
            this.line = start + 1;
            return nl < 0 ? n : nl + 1;
          }
          for (let k = i; k < q; k++) if (buf.charCodeAt(k) === 10) lines++;
          field += buf.slice(i, q);
          if (q + 1 >= n && !eof) return null;
          const next = q + 1 < n ? buf.charCodeAt(q + 1) : -1;
          if (next === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          if (next === 44 || next === 10 || next === -1) break;
          if (next === 13 && (q + 2 >= n || buf.charCodeAt(q + 2) === 10)) {
            if (q + 2 >= n && !eof) return null;
            i = q + 2;
            break;
          }
          return this.badLine(
            buf,
            q + 1,
            start,
            lines,
            eof,
            `invalid closing quote: "${buf[q + 1]}" follows a closing quote`,
          );
        }
      } else {
        // unquoted field: up to , or newline; a quote inside is an error
        let j = i;
        for (; j < n; j++) {
          const ch = buf.charCodeAt(j);
          if (ch === 44 || ch === 10) break;
          if (ch === 34) return this.badLine(buf, j, start, lines, eof, 'a quote inside an unquoted field');
        }
        if (j >= n && !eof) return null;
        field = buf.slice(i, j);
        if (field.endsWith('\r') && (j >= n || buf.charCodeAt(j) === 10)) field = field.slice(0, -1);
        i = j;
      }
      cells.push(field);
      field = '';
      if (i >= n) break;
      const ch = buf.charCodeAt(i);
      if (ch === 44) {
        i++;
        if (i >= n && !eof) return null;
        if (i >= n) {
          cells.push('');
          break;
        }
        continue;
      }
      // newline (possibly after \r already consumed)
      if (ch === 13) i++;
      if (i < n && buf.charCodeAt(i) === 10) i++;
      break;
    }
    if (i - pos > this.maxRecordChars)
      this.sink.onBad(start, `record longer than ${this.maxRecordChars} characters`);
    else this.sink.onRecord(cells, start);
    this.line += lines + 1;
    return i;
  }

  /** Rejects the record that starts on `start` and skips to the end of the physical line holding `at`. */
  private badLine(
    buf: string,
    at: number,
    start: number,
    lines: number,
    eof: boolean,
    reason: string,
  ): number {
    const nl = buf.indexOf('\n', at);
    if (nl < 0 && !eof) {
      // keep reading in discard mode until the end of this line
      this.discard = { inQuotes: false, afterQuote: false, start, reason };
      this.line += lines;
      this.pendingReason = reason;
      return buf.length;
    }
    this.sink.onBad(start, reason);
    this.line += lines + 1;
    return nl < 0 ? buf.length : nl + 1;
  }

  private pendingReason: string | null = null;

  /**
   * Skips input in discard mode. For an oversized record, the quote state is followed so that a long
   * quoted field is consumed whole; a broken line ends at its newline. Returns the position after
   * the discarded record, or -1 when the buffer ended first.
   */
  private skip(buf: string, pos: number, eof: boolean): number {
    const d = this.discard as NonNullable<CsvReader['discard']>;
    const n = buf.length;
    const followQuotes = this.pendingReason === null;
    for (let i = pos; i < n; i++) {
      const ch = buf.charCodeAt(i);
      if (followQuotes && ch === 34) {
        if (d.inQuotes) {
          if (i + 1 < n && buf.charCodeAt(i + 1) === 34) {
            i++;
            continue;
          }
          d.inQuotes = false;
        } else d.inQuotes = true;
        continue;
      }
      if (ch === 10) {
        this.line++;
        if (!d.inQuotes) {
          this.sink.onBad(d.start, this.pendingReason ?? d.reason);
          this.discard = null;
          this.pendingReason = null;
          return i + 1;
        }
      }
    }
    if (eof && !d.inQuotes) {
      this.sink.onBad(d.start, this.pendingReason ?? d.reason);
      this.discard = null;
      this.pendingReason = null;
      this.line++;
      return n;
    }
    return -1;
  }
}
