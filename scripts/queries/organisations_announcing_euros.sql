-- Which organisations announced amounts in euros this month (here: June 2020): organisations
-- named in the sentence of a euro amount, by number of articles.
SELECT e.name, count(DISTINCT am.article_id) AS articles
FROM amounts am
JOIN articles ar ON ar.id = am.article_id
JOIN mentions m ON m.article_id = am.article_id AND m.sentence = am.sentence
JOIN actors ac ON ac.article_id = m.article_id AND ac.actor_idx = m.actor_idx
JOIN entities e ON e.id = ac.entity
WHERE am.kind = 'money' AND am.unit = 'EUR' AND ac.type = 'ORG'
  AND ar.date >= '2020-06-01' AND ar.date < '2020-07-01'
GROUP BY e.name
ORDER BY articles DESC, e.name
LIMIT 8;
