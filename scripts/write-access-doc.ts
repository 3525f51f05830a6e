// Writes the route × role table into docs/accounts.md from api/auth/access.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { accessTableMarkdown, tableEnd, tableStart } from '../api/auth/access-table.ts';

const file = new URL('../docs/accounts.md', import.meta.url);
const text = readFileSync(file, 'utf8');
const start = text.indexOf(tableStart);
const end = text.indexOf(tableEnd);
if (start < 0 || end < start) throw new Error(`docs/accounts.md has no "${tableStart}" … "${tableEnd}" section`);
writeFileSync(file, text.slice(0, start) + accessTableMarkdown() + text.slice(end + tableEnd.length));
console.log('docs/accounts.md: the route × role table written from api/auth/access.ts.');
