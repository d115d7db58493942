/**
 * The import page's state: the picked file, its inspection, the mapping being edited, the running
 * import (progress, cancel) and its report. Reading, validating and saving run in the import
 * worker; this hook only holds what the page shows.
 */
import { useCallback, useRef, useState } from 'react';
import type { TextEncodingName } from '../../feeds/import/encoding';
import type { ImportKind } from '../../feeds/import/fields';
import { suggestColumns } from '../../feeds/import/headers';
import type { ImportMapping } from '../../feeds/import/import-mapping';
import type { ImportReport } from '../../feeds/import/import-protocol';
import type { Inspection } from '../../feeds/import/inspect';
import { useInvalidateImports } from '../../feeds/import/queries';
import type { ImportPhase } from '../../feeds/import/run-import';
import {
  ImportCancelled,
  importInWorker,
  inspectInWorker,
  type ImportJob,
} from '../../feeds/import/run-import-worker';
import { fileFormatOf, type FileFormat } from '../../feeds/import/table';
import { detectMappedTimestamps } from './preview';

export interface PickedFile {
  name: string;
  format: FileFormat;
  bytes: Uint8Array;
}

export interface ImportProgressState {
  phase: ImportPhase;
  done: number;
  total: number;
}

async function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  // Older engines (and jsdom) only have FileReader.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read file'));
    reader.readAsArrayBuffer(file);
  });
}

/** The mapping suggested for a kind from a header, with the detected timestamp format. */
function suggestedMapping(kind: ImportKind, inspection: Inspection): ImportMapping {
  const mapping: ImportMapping = { kind, columns: suggestColumns(kind, inspection.header) };
  const detected = detectMappedTimestamps(inspection, mapping);
  // ISO is the default: left out so the saved JSON stays the plain CLI mapping.
  if (detected.format !== 'iso') mapping.timestampFormat = detected.format;
  return mapping;
}

export function useImportFlow() {
  const invalidate = useInvalidateImports();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [kind, setKindState] = useState<ImportKind>('cases');
  const [attachTo, setAttachTo] = useState<string | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({ kind: 'cases', columns: {} });
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useRef<ImportJob<unknown> | null>(null);

  const inspect = useCallback(
    async (picked: PickedFile, nextKind: ImportKind, encoding?: TextEncodingName) => {
      setBusy(true);
      setError(null);
      const run = inspectInWorker({
        type: 'inspect',
        bytes: picked.bytes,
        format: picked.format,
        ...(encoding ? { encoding } : {}),
      });
      job.current = run;
      try {
        const result = await run.promise;
        setInspection(result);
        setMapping(suggestedMapping(nextKind, result));
        setStep(1);
      } catch (e) {
        if (!(e instanceof ImportCancelled)) setError((e as Error).message);
      } finally {
        setBusy(false);
        job.current = null;
      }
    },
    [],
  );

  const pickFile = useCallback(
    async (f: File, unknownFormat: (name: string) => string) => {
      const format = fileFormatOf(f.name);
      setReport(null);
      if (format === null) {
        setError(unknownFormat(f.name));
        return;
      }
      const picked: PickedFile = { name: f.name, format, bytes: await readBytes(f) };
      setFile(picked);
      await inspect(picked, kind);
    },
    [inspect, kind],
  );

  const setKind = useCallback(
    (k: ImportKind) => {
      setKindState(k);
      if (inspection) setMapping(suggestedMapping(k, inspection));
      else setMapping({ kind: k, columns: {} });
    },
    [inspection],
  );

  const setEncoding = useCallback(
    (encoding: TextEncodingName) => {
      if (file) void inspect(file, kind, encoding);
    },
    [file, inspect, kind],
  );

  const start = useCallback(async () => {
    if (!file || !inspection) return;
    setError(null);
    setProgress({ phase: 'read', done: 0, total: 1 });
    const run = importInWorker(
      {
        type: 'import',
        bytes: file.bytes,
        options: {
          fileName: file.name,
          format: file.format,
          encoding: inspection.encoding,
          mapping,
          importedAtMs: Date.now(),
        },
        ...(mapping.kind !== 'cases' && attachTo !== null ? { attachTo } : {}),
      },
      (phase, done, total) => setProgress({ phase, done, total }),
    );
    job.current = run;
    try {
      const result = await run.promise;
      setReport(result);
      setStep(3);
      await invalidate();
    } catch (e) {
      setError(e instanceof ImportCancelled ? null : (e as Error).message);
      if (e instanceof ImportCancelled) setProgress(null);
    } finally {
      setProgress(null);
      job.current = null;
    }
  }, [file, inspection, mapping, attachTo, invalidate]);

  const cancel = useCallback(() => job.current?.cancel(), []);

  const reset = useCallback(() => {
    setStep(0);
    setFile(null);
    setInspection(null);
    setReport(null);
    setError(null);
    setMapping({ kind, columns: {} });
  }, [kind]);

  return {
    step,
    setStep,
    file,
    kind,
    setKind,
    attachTo,
    setAttachTo,
    inspection,
    mapping,
    setMapping,
    busy,
    progress,
    report,
    error,
    pickFile,
    setEncoding,
    start,
    cancel,
    reset,
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
