use super::*;

#[test]
fn libpq_parameters_are_split_off_both_forms() {
    let (rest, ours) = split_params(
        "postgresql://u@h:5/db?sslmode=verify-full&options=-c%20x&sslrootcert=%2Ftmp%2Fca.pem",
    );
    assert_eq!(rest, "postgresql://u@h:5/db?options=-c%20x");
    assert_eq!(
        ours,
        [
            ("sslmode".to_string(), "verify-full".to_string()),
            ("sslrootcert".to_string(), "/tmp/ca.pem".to_string())
        ]
    );
    let (rest, ours) =
        split_params("host=h  sslmode=require user='a b\\'c' sslrootcert='/x y' dbname=d");
    assert_eq!(rest, "host=h user='a b\\'c' dbname=d");
    assert_eq!(ours[0].1, "require");
    assert_eq!(ours[1].1, "/x y");
    assert_eq!(split_params("postgresql://h/db").0, "postgresql://h/db");
}

#[test]
fn sslmode_values() {
    for (s, m) in [
        ("disable", SslMode::Disable),
        ("prefer", SslMode::Prefer),
        ("require", SslMode::Require),
        ("verify-ca", SslMode::VerifyCa),
        ("verify-full", SslMode::VerifyFull),
    ] {
        assert_eq!(s.parse::<SslMode>().unwrap(), m);
    }
    assert!("verify".parse::<SslMode>().is_err());
    let t = parse("postgresql://u@h/db?sslmode=verify-ca&sslrootcert=/nonexistent.pem").unwrap();
    assert_eq!(t.ssl, SslMode::VerifyCa);
    assert_eq!(t.root_cert.as_deref(), Some(Path::new("/nonexistent.pem")));
    assert!(matches!(tls_config(&t), Err(SinkError::Config(_))));
    assert_eq!(parse("postgresql://u@h/db").unwrap().ssl, SslMode::Prefer);
}

#[test]
fn pgpass_lines_match_with_wildcards_and_escapes() {
    let file = "# comment\n\
                other:5432:*:u:nope\n\
                db\\:host:5432:news:u:first\n\
                *:*:news:u:pa\\:ss\\\\word\n\
                *:*:*:*:fallback\n";
    assert_eq!(
        pgpass_lookup(file, "db:host", "5432", "news", "u").as_deref(),
        Some("first")
    );
    assert_eq!(
        pgpass_lookup(file, "h", "6543", "news", "u").as_deref(),
        Some("pa:ss\\word")
    );
    assert_eq!(
        pgpass_lookup(file, "h", "1", "x", "v").as_deref(),
        Some("fallback")
    );
    assert_eq!(pgpass_lookup("h:1:d:u\n", "h", "1", "d", "u"), None);
}

#[test]
fn passwords_never_show() {
    assert_eq!(
        redact("postgresql://ann:s3cr%3At@db.example:5432/news?sslmode=require"),
        "postgresql://ann:***@db.example:5432/news?sslmode=require"
    );
    assert_eq!(
        redact("postgresql://ann@db/news?password=s3cret&sslmode=require"),
        "postgresql://ann@db/news?password=***&sslmode=require"
    );
    assert_eq!(
        redact("host=db password='s3 cret' user=ann"),
        "host=db password=*** user=ann"
    );
    assert_eq!(redact("postgresql://db/news"), "postgresql://db/news");
    // A refused connection names the server, not the password.
    let err = connect("postgresql://ann:s3cret-pw@127.0.0.1:9/news?sslmode=disable")
        .err()
        .expect("nothing listens on port 9");
    let msg = err.to_string();
    assert!(!msg.contains("s3cret-pw"), "{msg}");
    assert!(msg.contains("127.0.0.1:9"), "{msg}");
}
