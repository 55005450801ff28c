-- Every quote of Bruno Le Maire, whatever name each article gives him.
SELECT ar.date, q.article_id, substr(q.text, 1, 60) AS quote
FROM quotes q
JOIN articles ar ON ar.id = q.article_id
WHERE q.entity IN (SELECT id FROM entities WHERE type = 'PER' AND name = 'Bruno Le Maire')
ORDER BY ar.date IS NULL, ar.date, q.article_id, q.position_idx
LIMIT 8;
