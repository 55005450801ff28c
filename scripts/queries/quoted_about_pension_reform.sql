-- Who is quoted most about the retirement reform: speakers of quotes in articles whose quotes
-- or stances speak of "retraite(s)".
SELECT e.name, count(*) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q
JOIN entities e ON e.id = q.entity
WHERE q.article_id IN (
    SELECT article_id FROM quotes WHERE lower(text) LIKE '%retraite%'
    UNION
    SELECT article_id FROM stances WHERE lower(target) LIKE '%retraite%')
GROUP BY e.name
ORDER BY quotes DESC, e.name
LIMIT 8;
