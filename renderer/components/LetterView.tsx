import { Text } from '@mantine/core';
import classes from './LetterView.module.css';

/**
 * A letter as the customer would read it: its subject and its words as plain text. The HTML
 * version is never put into the page; the plain text says the same, with nothing to run.
 */
export function LetterView(props: { subject: string; text: string; label?: string }) {
  return (
    <article className={classes.letter} aria-label={props.label ?? 'Letter'}>
      <Text className={classes.subject} fz="sm">
        <Text span c="dimmed" fz="sm">
          Subject:{' '}
        </Text>
        {props.subject}
      </Text>
      <pre className={classes.text}>{props.text}</pre>
    </article>
  );
}
