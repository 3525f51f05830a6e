-- Per issue, how many of its tickets have each of its features in their subject (pipelines/issues/subject-counts.ts):
-- an issue is named by the words its subjects use, which say the problem in few words, before the filler of its
-- descriptions' templates ("just", "trying", "goes"). Issues stored before have none (named as before) until they
-- grow or a regroup counts them.
ALTER TABLE issues ADD COLUMN subject_counts STRUCT(feature VARCHAR, tickets INTEGER)[] DEFAULT [];
