-- An event's source-row hash keeps 64 of MD5's 128 bits (the digest's last eight bytes: md5_number >> 64). Events are
-- only ever told apart among the events of one ticket (events-repeated.sql partitions by ticket, events-new.sql
-- matches on ticket, instant and kind), where a ticket's few dozen rows make a 64-bit collision about 1 in 10^16;
-- across all 130 M events of ten million tickets, unscoped, it would be 1 in 2,000. Half the bytes: storing the 13 M
-- events of a million tickets took 3.04–3.09 s instead of 3.75–4.01 s, the file 374 MiB instead of 523 MiB
-- (bench/README.md, "The eleventh session"). Stored hashes keep the same bits, so a file loaded again after this
-- migration is still recognised, row by row.
ALTER TABLE ticket_events ALTER source_row_hash TYPE UBIGINT USING (source_row_hash >> 64)::UBIGINT;
