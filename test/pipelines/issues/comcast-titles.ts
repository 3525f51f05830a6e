// The Comcast complaint titles (../shared/datasets/comcast_consumer_complaints, SOURCE.txt there: 2,224 real
// complaint titles from 2015, unmodified).
import { readFileSync } from 'node:fs';
import { datasets } from '../../helpers/datasets.ts';

/** The "Customer Complaint" column: the second field; quoted when it holds a comma. */
export function comcastTitles(): string[] {
  const csv = readFileSync(`${datasets}comcast_consumer_complaints/Comcast_telecom_complaints_data.csv`, 'utf8');
  return csv.split(/\r?\n/).slice(1).flatMap((line) => {
    const m = /^[^,]*,("(?:[^"]|"")*"|[^,]*),/.exec(line);
    return m ? [m[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"')] : [];
  });
}
