import type { LearnedItem, LoggedQuestion } from '../../core/content/records';
import type { StoreTx } from '../../core/ports';
import type { UiLang } from '../../core/language/lang';
import type { ContentCipher } from '../contentCipher';
import type { SqlExecutor } from '../sqlDriver';
import { asBytesOrNull, asDate, asDateOrNull, asJson, jsonParam } from './rowValues';

type ContentLoopQueries = Pick<
  StoreTx,
  | 'logQuestion'
  | 'markAnswerUnhelpful'
  | 'forgetHeldAnswer'
  | 'loggedQuestions'
  | 'purgeQuestionLog'
  | 'addLearned'
  | 'learnedItems'
  | 'undoLearned'
  | 'learnedVersion'
>;

/** The authenticated context of a kept question's ciphertext (keys rotate re-encrypts with it too). */
export const questionContext = (entryKey: string): string => `question:${entryKey}`;

/** The content owners' loop: logged questions (text encrypted) and what owners taught (plain content). */
export function contentLoopQueries(db: SqlExecutor, cipher: ContentCipher): ContentLoopQueries {
  const toLogged = (row: Record<string, unknown>): LoggedQuestion => ({
    id: Number(row.id),
    entryKey: String(row.entry_key),
    answerId: (row.answer_id as string | null) ?? null,
    kind: row.kind as LoggedQuestion['kind'],
    question: cipher.decrypt(asBytesOrNull(row.question)!, questionContext(String(row.entry_key))),
    lang: row.lang as UiLang,
    door: row.door as LoggedQuestion['door'],
    askedAt: asDate(row.asked_at),
    reason: (row.reason as string | null) ?? null,
    passageId: (row.passage_id as string | null) ?? null,
    closest: asJson(row.closest),
    expiresAt: asDate(row.expires_at),
  });
  const toLearned = (row: Record<string, unknown>): LearnedItem => ({
    id: Number(row.id),
    kind: row.kind as LearnedItem['kind'],
    text: String(row.text),
    lang: row.lang as LearnedItem['lang'],
    passageId: (row.passage_id as string | null) ?? null,
    words: asJson(row.words),
    contact: (row.contact as string | null) ?? null,
    taughtBy: String(row.taught_by),
    taughtAt: asDate(row.taught_at),
    undoneBy: (row.undone_by as string | null) ?? null,
    undoneAt: asDateOrNull(row.undone_at),
  });

  return {
    async logQuestion(e) {
      await db.query(
        `INSERT INTO question_log (entry_key, answer_id, kind, question, lang, door, asked_at, reason, passage_id, closest, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11) ON CONFLICT DO NOTHING`,
        [
          e.entryKey,
          e.answerId,
          e.kind,
          cipher.encrypt(e.question, questionContext(e.entryKey)),
          e.lang,
          e.door,
          e.askedAt,
          e.reason,
          e.passageId,
          jsonParam(e.closest),
          e.expiresAt,
        ],
      );
    },

    async markAnswerUnhelpful(answerId, expiresAt) {
      const rows = await db.query(
        `UPDATE question_log SET kind = 'unhelpful', expires_at = $2 WHERE answer_id = $1 AND kind IN ('held', 'unhelpful') RETURNING id`,
        [answerId, expiresAt],
      );
      return rows.length > 0;
    },

    async forgetHeldAnswer(answerId) {
      // A verdict changed from "not helpful" to "helpful" takes the question out of the log as well.
      await db.query(`DELETE FROM question_log WHERE answer_id = $1 AND kind IN ('held', 'unhelpful')`, [answerId]);
    },

    async loggedQuestions(since) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT * FROM question_log WHERE kind IN ('unanswered', 'unhelpful') AND asked_at >= $1 ORDER BY asked_at DESC, id DESC`,
        [since],
      );
      return rows.map(toLogged);
    },

    async purgeQuestionLog(now) {
      const rows = await db.query('DELETE FROM question_log WHERE expires_at <= $1 RETURNING id', [now]);
      return rows.length;
    },

    async addLearned(item) {
      const [row] = await db.query<Record<string, unknown>>(
        `INSERT INTO learned_content (kind, text, lang, passage_id, words, contact, taught_by, taught_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING *`,
        [item.kind, item.text, item.lang, item.passageId, jsonParam(item.words), item.contact, item.taughtBy, item.taughtAt],
      );
      return toLearned(row!);
    },

    async learnedItems(options = {}) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT * FROM learned_content ${options.includeUndone ? '' : 'WHERE undone_at IS NULL'} ORDER BY id`,
      );
      return rows.map(toLearned);
    },

    async undoLearned(id, by, at) {
      const rows = await db.query('UPDATE learned_content SET undone_by = $2, undone_at = $3 WHERE id = $1 AND undone_at IS NULL RETURNING id', [id, by, at]);
      return rows.length > 0;
    },

    async learnedVersion() {
      const [row] = await db.query<{ n: number; last: number | null; undone: unknown }>(
        'SELECT count(*)::int AS n, max(id)::int AS last, max(undone_at) AS undone FROM learned_content',
      );
      const undone = asDateOrNull(row?.undone);
      return `${row?.n ?? 0}:${row?.last ?? 0}:${undone ? undone.toISOString() : '-'}`;
    },
  };
}
