//! The PostgreSQL sink over TLS as libpq users expect it: `sslmode=verify-full` against the
//! throwaway server (scripts/ci-services.sh) with a certificate authority and a server
//! certificate this test makes (rcgen), switched on with `ALTER SYSTEM` and a reload.

mod sinks_common;

use postgres::{Client, NoTls};
use sinks_common::*;
use std::path::Path;

fn ssl_in_use(c: &mut Client) -> bool {
    c.query_one(
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        &[],
    )
    .unwrap()
    .get(0)
}

/// A CA and a server certificate for `localhost` signed by it: (ca.pem, server.crt, server.key).
fn certificates() -> (String, String, String) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "depeche test CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let server = CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    let cert = server.signed_by(&key, &ca_cert, &ca_key).unwrap();
    (ca_cert.pem(), cert.pem(), key.serialize_pem())
}

/// Write a file the server process can read (owned by the data directory's owner, 0600).
fn write_for_server(path: &Path, text: &str, owner: (u32, u32)) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::chown(path, Some(owner.0), Some(owner.1)).unwrap();
}

#[test]
fn verify_full_against_a_server_certificate_made_here() {
    use std::os::unix::fs::MetadataExt;
    let Some(url) = postgres_url() else { return };
    let mut admin = Client::connect(&url, NoTls).unwrap();
    let data_dir: String = admin.query_one("SHOW data_directory", &[]).unwrap().get(0);
    let meta = std::fs::metadata(&data_dir).unwrap();
    let owner = (meta.uid(), meta.gid());
    let ssl_dir = Path::new(&data_dir).join("depeche-test-ssl");
    std::fs::create_dir_all(&ssl_dir).unwrap();
    std::os::unix::fs::chown(&ssl_dir, Some(owner.0), Some(owner.1)).unwrap();
    let (ca, cert, key) = certificates();
    write_for_server(&ssl_dir.join("server.crt"), &cert, owner);
    write_for_server(&ssl_dir.join("server.key"), &key, owner);
    let client_dir = tempfile::tempdir().unwrap();
    let ca_file = write(client_dir.path(), "ca.pem", &ca);
    let other_ca = write(client_dir.path(), "other.pem", &certificates().0);
    // ALTER SYSTEM runs outside a transaction: one statement per call.
    for sql in [
        format!(
            "ALTER SYSTEM SET ssl_cert_file = '{}/server.crt'",
            ssl_dir.display()
        ),
        format!(
            "ALTER SYSTEM SET ssl_key_file = '{}/server.key'",
            ssl_dir.display()
        ),
        "ALTER SYSTEM SET ssl = on".to_string(),
        "SELECT pg_reload_conf()".to_string(),
    ] {
        admin.batch_execute(&sql).unwrap();
    }
    let config: postgres::Config = url.parse().unwrap();
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap().to_string();
    let db = config.get_dbname().unwrap().to_string();
    let target =
        |host: &str, params: &str| format!("postgresql://{user}@{host}:{port}/{db}?{params}");
    let verify_full = target(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", ca_file.display()),
    );
    // The reload is asynchronous: wait until the server offers TLS.
    let mut client = None;
    for _ in 0..50 {
        match depeche::sinks::pgconn::connect(&verify_full) {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(100)),
        }
    }
    let mut client = client.expect("verify-full connects to localhost");
    assert!(ssl_in_use(&mut client));

    let connect = |u: &str| depeche::sinks::pgconn::connect(u);
    // The certificate names localhost, not 127.0.0.1: verify-full refuses, verify-ca accepts.
    let by_ip = |mode: &str, ca: &Path| {
        target(
            "127.0.0.1",
            &format!("sslmode={mode}&sslrootcert={}", ca.display()),
        )
    };
    assert!(connect(&by_ip("verify-full", &ca_file)).is_err());
    assert!(ssl_in_use(
        &mut connect(&by_ip("verify-ca", &ca_file)).unwrap()
    ));
    // A certificate authority that did not sign the server's certificate is refused.
    assert!(connect(&by_ip("verify-ca", &other_ca)).is_err());
    assert!(connect(&target(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", other_ca.display())
    ))
    .is_err());
    // require encrypts without checking; disable does not encrypt.
    let require = format!("host=127.0.0.1 port={port} user={user} dbname={db} sslmode=require");
    assert!(ssl_in_use(&mut connect(&require).unwrap()));
    assert!(!ssl_in_use(
        &mut connect(&target("127.0.0.1", "sslmode=disable")).unwrap()
    ));

    // The sink loads over verify-full.
    admin
        .batch_execute(
            "SET client_min_messages = warning; DROP SCHEMA IF EXISTS t_tls CASCADE; \
             CREATE SCHEMA t_tls",
        )
        .unwrap();
    let load_url = format!("{verify_full}&options=-csearch_path%3Dt_tls");
    run_ok(&[
        "extract",
        "--quiet",
        "--postgres",
        &load_url,
        seeds().to_str().unwrap(),
    ]);
    run_ok(&["identity", "--quiet", "--postgres", &load_url]);
    let n: i64 = admin
        .query_one("SELECT count(*) FROM t_tls.articles", &[])
        .unwrap()
        .get(0);
    assert!(n > 0);

    for sql in [
        "ALTER SYSTEM RESET ssl",
        "ALTER SYSTEM RESET ssl_cert_file",
        "ALTER SYSTEM RESET ssl_key_file",
        "SELECT pg_reload_conf()",
    ] {
        admin.batch_execute(sql).unwrap();
    }
}
