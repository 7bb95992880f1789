import { useState, type Ref } from 'react';
import { formatBytes, READ_LIMIT_BYTES } from './read-file';

/** Where a file is dropped or chosen; `onFiles` hears what was given. */
export function ImportDropzone({
  onFiles,
  disabled,
  again,
  inputRef,
}: {
  onFiles: (files: FileList | null) => void;
  disabled: boolean;
  /** Whether a file was chosen before: the button then says "another". */
  again: boolean;
  inputRef: Ref<HTMLInputElement>;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={dragging ? 'vl-dropzone vl-dropzone--active' : 'vl-dropzone'}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        if (!disabled) onFiles(event.dataTransfer.files);
      }}
    >
      <svg className="vl-dropzone-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 3a1 1 0 0 1 .7.29l4 4a1 1 0 1 1-1.4 1.42L13 6.41V15a1 1 0 1 1-2 0V6.41L8.7 8.71a1 1 0 0 1-1.4-1.42l4-4A1 1 0 0 1 12 3ZM5 14a1 1 0 0 1 1 1v3h12v-3a1 1 0 1 1 2 0v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1Z"
        />
      </svg>
      <p>
        <strong>Drop a portfolio file here</strong>, or
      </p>
      <input
        ref={inputRef}
        id="import-file"
        className="vl-file-input"
        type="file"
        accept=".json,application/json"
        aria-describedby="import-file-hint"
        onChange={(event) => {
          onFiles(event.target.files);
          event.target.value = '';
        }}
      />
      <label htmlFor="import-file" className="vl-button">
        {again ? 'Choose another file' : 'Choose a file'}
      </label>
      <p className="vl-hint" id="import-file-hint">
        JSON in the portfolio v1 format, up to {formatBytes(READ_LIMIT_BYTES)}. Large files are uploaded in
        parts and applied in steps; keep this page open until the import finishes.
      </p>
    </div>
  );
}
