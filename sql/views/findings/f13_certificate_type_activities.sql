-- F13: the two certificate types and the activities each covers, from the reference data.
CREATE VIEW v_certificate_type_activities AS
SELECT group_concat(label_fr || ': ' || activities, '; ') AS actual
FROM (SELECT ct.id, ct.label_fr, (SELECT group_concat(number, ',') FROM (SELECT number FROM activity a
        WHERE a.certificate_type = ct.id ORDER BY number)) AS activities
      FROM certificate_type ct ORDER BY ct.id);
