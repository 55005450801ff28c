//! Connecting to PostgreSQL as libpq users expect: `sslmode` from the connection string, TLS
//! with rustls (no OpenSSL), the password from the URL, `PGPASSWORD` or the password file, and
//! never the password in an error message.
//!
//! `sslmode` (URL `?sslmode=` or `sslmode=` in a key/value string; default `prefer`):
//!
//! | mode | TLS | server certificate |
//! |---|---|---|
//! | `disable` | never | - |
//! | `prefer` | when the server offers it, else plain | not checked |
//! | `require` | always | not checked, unless a root certificate is there (then as `verify-ca`, like libpq) |
//! | `verify-ca` | always | signed by a root of `sslrootcert` |
//! | `verify-full` | always | signed by a root of `sslrootcert` and issued for the host name |
//!
//! `sslrootcert` names a PEM file of root certificates (default `~/.postgresql/root.crt`).
//! Without a password in the connection string, `PGPASSWORD` is used, else the first matching
//! line of the password file (`PGPASSFILE`, default `~/.pgpass`; `host:port:database:user:
//! password`, `*` matches anything, `\:` and `\\` escape; ignored when group or others can
//! read it, as libpq does). A missing user is taken from `PGUSER`, then `USER`.

use super::SinkError;
use postgres::config::{Host, SslMode as WireSslMode};
use postgres::{Client, Config};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

/// libpq's `sslmode` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// TLS when the server offers it; certificate not checked.
    Prefer,
    /// TLS; certificate not checked (checked as `VerifyCa` when a root certificate exists).
    Require,
    /// TLS; certificate chain checked against the root certificates.
    VerifyCa,
    /// TLS; certificate chain and host name checked.
    VerifyFull,
}

impl FromStr for SslMode {
    type Err = SinkError;
    fn from_str(s: &str) -> Result<Self, SinkError> {
        Ok(match s {
            "disable" | "allow" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(SinkError::Config(format!(
                    "PostgreSQL: unknown sslmode {other:?} (disable, prefer, require, verify-ca, \
                     verify-full)"
                )))
            }
        })
    }
}

/// A parsed connection string: the driver's config, plus what libpq reads and the driver
/// does not.
pub struct Target {
    /// The driver configuration (password filled in from the environment when missing).
    pub config: Config,
    /// The TLS mode.
    pub ssl: SslMode,
    /// The root certificates file, when one is named or the default exists.
    pub root_cert: Option<PathBuf>,
    /// Whether `sslrootcert` was given explicitly.
    root_cert_explicit: bool,
}

/// Split off the parameters the driver does not know (`sslmode`, `sslrootcert`) from a URL
/// (`postgresql://...?a=b&c=d`) or key/value (`host=... user=...`) connection string.
fn split_params(s: &str) -> (String, Vec<(String, String)>) {
    const OURS: [&str; 2] = ["sslmode", "sslrootcert"];
    let mut ours = Vec::new();
    if s.starts_with("postgres://") || s.starts_with("postgresql://") {
        let Some((base, query)) = s.split_once('?') else {
            return (s.to_string(), ours);
        };
        let mut keep = Vec::new();
        for kv in query.split('&') {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            if OURS.contains(&k) {
                ours.push((k.to_string(), percent_decode(v)));
            } else {
                keep.push(kv);
            }
        }
        let rebuilt = if keep.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", keep.join("&"))
        };
        return (rebuilt, ours);
    }
    // key=value pairs, values optionally single-quoted with backslash escapes.
    let mut keep = String::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let key_end = rest.find(['=', ' ']).unwrap_or(rest.len());
        let key = rest[..key_end].trim();
        let mut after = rest[key_end..].trim_start();
        after = after.strip_prefix('=').unwrap_or(after).trim_start();
        let (raw, value, next) = if let Some(q) = after.strip_prefix('\'') {
            let mut value = String::new();
            let mut end = q.len();
            let mut chars = q.char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, e)) = chars.next() {
                            value.push(e);
                        }
                    }
                    '\'' => {
                        end = i + 1;
                        break;
                    }
                    _ => value.push(c),
                }
            }
            (&after[..end + 1], value, &q[end.min(q.len())..])
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            (&after[..end], after[..end].to_string(), &after[end..])
        };
        if OURS.contains(&key) {
            ours.push((key.to_string(), value));
        } else {
            if !keep.is_empty() {
                keep.push(' ');
            }
            keep.push_str(key);
            keep.push('=');
            keep.push_str(raw);
        }
        rest = next.trim_start();
    }
    (keep, ours)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(n) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(n);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// One field of a password file line, `\:` and `\\` unescaped; returns the field and the rest.
fn pgpass_field(s: &str) -> (String, Option<&str>) {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, e)) = chars.next() {
                    out.push(e);
                }
            }
            ':' => return (out, Some(&s[i + 1..])),
            _ => out.push(c),
        }
    }
    (out, None)
}

/// The password of the first line of a password file that matches (host, port, database,
/// user).
pub fn pgpass_lookup(
    contents: &str,
    host: &str,
    port: &str,
    db: &str,
    user: &str,
) -> Option<String> {
    for line in contents.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = Vec::with_capacity(5);
        let mut rest = Some(line);
        while let Some(r) = rest {
            if fields.len() == 4 {
                // The password is the rest of the line (unescaped).
                fields.push(pgpass_field(r).0);
                break;
            }
            let (f, next) = pgpass_field(r);
            fields.push(f);
            rest = next;
        }
        if fields.len() < 5 {
            continue;
        }
        let want = [host, port, db, user];
        if fields[..4]
            .iter()
            .zip(want)
            .all(|(f, w)| f == "*" || f == w)
        {
            return Some(fields[4].clone());
        }
    }
    None
}

fn read_pgpass(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path).ok()?;
        if meta.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    std::fs::read_to_string(path).ok()
}

/// Parse a connection string; fills user and password from the environment when missing.
pub fn parse(url: &str) -> Result<Target, SinkError> {
    let (rest, ours) = split_params(url);
    let mut config = Config::from_str(&rest).map_err(|e| {
        SinkError::Config(format!(
            "PostgreSQL: bad connection string {}: {e}",
            redact(url)
        ))
    })?;
    let mut ssl = SslMode::Prefer;
    let mut root_cert = None;
    for (k, v) in ours {
        match k.as_str() {
            "sslmode" => ssl = v.parse()?,
            _ => root_cert = Some(PathBuf::from(v)),
        }
    }
    let root_cert_explicit = root_cert.is_some();
    if root_cert.is_none() {
        root_cert = home()
            .map(|h| h.join(".postgresql/root.crt"))
            .filter(|p| p.exists());
    }
    if config.get_user().is_none() {
        if let Some(u) = std::env::var("PGUSER")
            .ok()
            .or_else(|| std::env::var("USER").ok())
        {
            config.user(&u);
        }
    }
    if config.get_password().is_none() {
        if let Some(pw) = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()) {
            config.password(pw);
        } else {
            let file = std::env::var_os("PGPASSFILE")
                .map(PathBuf::from)
                .or_else(|| home().map(|h| h.join(".pgpass")));
            if let Some(contents) = file.as_deref().and_then(read_pgpass) {
                let host = match config.get_hosts().first() {
                    Some(Host::Tcp(h)) => h.clone(),
                    _ => "localhost".to_string(),
                };
                let port = config
                    .get_ports()
                    .first()
                    .copied()
                    .unwrap_or(5432)
                    .to_string();
                let user = config.get_user().unwrap_or_default().to_string();
                let db = config.get_dbname().unwrap_or(&user).to_string();
                if let Some(pw) = pgpass_lookup(&contents, &host, &port, &db, &user) {
                    config.password(pw);
                }
            }
        }
    }
    Ok(Target {
        config,
        ssl,
        root_cert,
        root_cert_explicit,
    })
}

/// The connection string with any password replaced by `***` (URL user info, `password=`).
pub fn redact(url: &str) -> String {
    if let Some(scheme_end) = url.find("://") {
        let after = &url[scheme_end + 3..];
        let auth_end = after.find(['/', '?']).unwrap_or(after.len());
        if let Some(at) = after[..auth_end].rfind('@') {
            if let Some(colon) = after[..at].find(':') {
                return format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &after[..colon],
                    &after[at..]
                );
            }
        }
        // A password in the query string.
        if let Some(q) = url.find('?') {
            let parts: Vec<String> = url[q + 1..]
                .split('&')
                .map(|kv| {
                    if kv.starts_with("password=") {
                        "password=***".to_string()
                    } else {
                        kv.to_string()
                    }
                })
                .collect();
            return format!("{}?{}", &url[..q], parts.join("&"));
        }
        return url.to_string();
    }
    let mut rest = url.to_string();
    // Key/value form: blank the value of password=.
    if let Some(i) = rest.find("password=") {
        let after = &rest[i + 9..];
        let end = if let Some(quoted) = after.strip_prefix('\'') {
            quoted.find('\'').map_or(after.len(), |e| e + 2)
        } else {
            after.find(char::is_whitespace).unwrap_or(after.len())
        };
        rest = format!("{}password=***{}", &rest[..i], &after[end..]);
    }
    rest
}

/// Accepts any server certificate (`prefer`, `require`): the connection is encrypted but the
/// server is not authenticated, as with libpq.
#[derive(Debug)]
struct AcceptAny(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAny {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Checks the chain against the roots but not the host name (`verify-ca`).
#[derive(Debug)]
struct ChainOnly(Arc<dyn ServerCertVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

fn tls_error(e: impl std::fmt::Display) -> SinkError {
    SinkError::Config(format!("PostgreSQL TLS: {e}"))
}

fn roots(path: Option<&Path>) -> Result<RootCertStore, SinkError> {
    let path = path.ok_or_else(|| {
        SinkError::Config(
            "PostgreSQL: sslmode verify-ca and verify-full need root certificates: \
             sslrootcert=FILE or ~/.postgresql/root.crt"
                .into(),
        )
    })?;
    let mut store = RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(path).map_err(|e| {
        tls_error(format_args!(
            "cannot read root certificates {}: {e}",
            path.display()
        ))
    })? {
        let cert = cert.map_err(|e| tls_error(format_args!("{}: {e}", path.display())))?;
        store.add(cert).map_err(tls_error)?;
    }
    if store.is_empty() {
        return Err(tls_error(format_args!(
            "no certificate in {}",
            path.display()
        )));
    }
    Ok(store)
}

/// The rustls client configuration of a mode.
fn tls_config(t: &Target) -> Result<ClientConfig, SinkError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(tls_error)?;
    let mode = match t.ssl {
        SslMode::Require if t.root_cert_explicit || t.root_cert.is_some() => SslMode::VerifyCa,
        m => m,
    };
    Ok(match mode {
        SslMode::VerifyFull => builder
            .with_root_certificates(roots(t.root_cert.as_deref())?)
            .with_no_client_auth(),
        SslMode::VerifyCa => {
            let inner = rustls::client::WebPkiServerVerifier::builder_with_provider(
                Arc::new(roots(t.root_cert.as_deref())?),
                provider,
            )
            .build()
            .map_err(tls_error)?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(ChainOnly(inner)))
                .with_no_client_auth()
        }
        _ => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAny(provider)))
            .with_no_client_auth(),
    })
}

/// Connect as libpq would (see the module docs). Errors name the server without the password.
pub fn connect(url: &str) -> Result<Client, SinkError> {
    let mut t = parse(url)?;
    let fail = |e: postgres::Error| {
        SinkError::Config(format!(
            "PostgreSQL: cannot connect to {}: {e}",
            redact(url)
        ))
    };
    if t.ssl == SslMode::Disable {
        t.config.ssl_mode(WireSslMode::Disable);
        return t.config.connect(postgres::NoTls).map_err(fail);
    }
    t.config.ssl_mode(if t.ssl == SslMode::Prefer {
        WireSslMode::Prefer
    } else {
        WireSslMode::Require
    });
    let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(&t)?);
    t.config.connect(tls).map_err(fail)
}

#[cfg(test)]
mod tests;
