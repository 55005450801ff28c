use super::*;

#[test]
fn split_is_deterministic_and_disjoint() {
    let (a, b) = split(100, 0.15, 42);
    let (a2, b2) = split(100, 0.15, 42);
    assert_eq!((a.clone(), b.clone()), (a2, b2));
    assert_eq!(b.len(), 15);
    assert!(a.iter().all(|i| !b.contains(i)));
}

#[test]
fn types_parse() {
    assert_eq!(parse_types(Some("PER, loc")).unwrap(), vec![0, 2]);
    assert!(matches!(
        parse_types(Some("DATE")),
        Err(TrainError::UnknownType(t)) if t == "DATE"
    ));
}

#[test]
fn profiles_parse() {
    assert_eq!("open".parse::<Profile>(), Ok(Profile::Open));
    assert_eq!("fr-full".parse::<Profile>(), Ok(Profile::Full));
    assert!("closed".parse::<Profile>().is_err());
    assert_eq!(TrainOptions::default().profile, Profile::Full);
}
