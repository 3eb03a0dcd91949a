import { Input } from '@mantine/core';
import type { KeyboardEvent, Ref } from 'react';
import type { ToneFinding } from '../../../shared/letters/tone';
import { piecesOf } from './letter-edit';
import classes from './Letters.module.css';

/**
 * A plain textarea with the tone check's findings marked under its words (see `.field` in
 * Letters.module.css for how the two layers line up). The marks are decoration only: the
 * findings are listed, with words for screen readers, below the editor.
 */
export function HighlightedTextarea(props: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  findings: readonly ToneFinding[];
  /** The finding whose card is pointed at, outlined in the text. */
  active?: ToneFinding | null;
  error?: string | null;
  /** A subject: Enter does not start a new line, and pasted line breaks become spaces. */
  singleLine?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
  onSelect?: (selection: { start: number; end: number }) => void;
}) {
  const { id, label, description, value, onChange, findings, active, error, singleLine } = props;
  const { textareaRef, onSelect } = props;
  const pieces = piecesOf(value, findings);
  const describedBy = [error ? `${id}-error` : '', description ? `${id}-description` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Input.Wrapper
      id={id}
      label={label}
      description={description}
      error={error}
      className={singleLine ? undefined : classes.body}
    >
      <div className={classes.field} data-invalid={error ? '' : undefined}>
        <div className={classes.layer} aria-hidden="true">
          {pieces.map((piece, index) =>
            piece.finding ? (
              <mark
                key={index}
                className={classes.mark}
                data-severity={piece.finding.severity}
                data-active={
                  active && piece.finding.start === active.start && piece.finding.end === active.end
                    ? ''
                    : undefined
                }
              >
                {piece.text}
              </mark>
            ) : (
              piece.text
            ),
          )}
          {/* A last line for the caret after a final line break, as the textarea has. */}
          {singleLine ? ' ' : '\n '}
        </div>
        <textarea
          id={id}
          ref={textareaRef}
          className={classes.input}
          rows={1}
          spellCheck
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) =>
            onChange(
              singleLine
                ? event.currentTarget.value.replace(/\r?\n/g, ' ')
                : event.currentTarget.value,
            )
          }
          onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
            if (singleLine && event.key === 'Enter') event.preventDefault();
          }}
          onSelect={(event) =>
            onSelect?.({
              start: event.currentTarget.selectionStart,
              end: event.currentTarget.selectionEnd,
            })
          }
        />
      </div>
    </Input.Wrapper>
  );
}
