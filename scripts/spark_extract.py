#!/usr/bin/env python3
"""Run `depeche extract` over a JSON Lines dump on a Spark cluster.

Two engines give identical records (one output line per non-blank input line, in order):

- package: when the depeche Python package (python/, with pyarrow) is installed on the
  executors, each partition goes through `depeche.Pipeline.extract_batch` in the Python
  worker (`mapInArrow`), with no process to start and no pipe;
- binary: each partition is streamed through the depeche binary (stdin JSON Lines ->
  stdout JSON Lines), for clusters without the package.

`--engine auto` (the default) takes the package when the driver can import it. Either way a
cluster of any size runs the same extraction as a single machine. The records are written as
JSON Lines text files (part-00000, ...) or as a Parquet dataset of the nested records.

Local mode (all cores of this machine):

    scripts/spark-setup.sh            # once: pyspark in .venv-spark
    .venv-spark/bin/python scripts/spark_extract.py dump.jsonl out/ \\
        --depeche target/release/depeche --master 'local[*]'

Cluster with the package (pip install the depeche wheel on every node):

    spark-submit --master spark://HOST:7077 scripts/spark_extract.py \\
        hdfs:///dumps/news.jsonl hdfs:///out/records --engine package

Cluster without it (the binary is shipped to every executor with --files):

    spark-submit --master spark://HOST:7077 --files target/release/depeche \\
        scripts/spark_extract.py hdfs:///dumps/news.jsonl hdfs:///out/records \\
        --depeche ./depeche --format parquet

Inputs may be files, directories or globs that Spark can read (plain or .gz JSON Lines).
The `source` field of each record names the partition stream ("-") and the line inside
it, not the original file: compare Spark and single-machine records without `source`.
A failed task is retried by Spark; re-running the whole job rewrites the output directory
(use --mode overwrite).

Cross-article identity runs once over the whole dump, after the shards are written or loaded
(each record already carries stable entity ids; the pass links surname-only and acronym
actors to the full names the whole dump knows):

    depeche identity out/part-* -o linked.jsonl --entities entities.jsonl
    depeche identity --postgres postgresql://user@host/db   # after loading the parts
"""

import argparse
import os
import shutil
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Options after -- are passed to `depeche extract`.",
    )
    p.add_argument(
        "inputs", nargs="+", help="JSON Lines inputs, then the OUTPUT directory"
    )
    p.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument(
        "--engine",
        choices=["auto", "package", "binary"],
        default="auto",
        help="package: the depeche Python package in the workers (mapInArrow); binary: pipe "
        "through the depeche binary; auto (default): package when importable",
    )
    p.add_argument(
        "--depeche",
        default=os.environ.get("DEPECHE_BIN", "depeche"),
        help="path of the depeche binary on the executors (default: $DEPECHE_BIN or depeche "
        "on PATH; with spark-submit --files target/release/depeche use ./depeche)",
    )
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    p.add_argument("--partitions", type=int, default=0, help="minimum input partitions")
    p.add_argument(
        "--threads",
        type=int,
        default=1,
        help="depeche threads per partition (default 1: Spark runs one task per core)",
    )
    p.add_argument("--mode", choices=["error", "overwrite"], default="error")
    p.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="Spark configuration, repeatable (e.g. spark.ui.enabled=false)",
    )
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    args = p.parse_args(argv)
    args.extra = extra
    if len(args.inputs) < 2:
        p.error("give at least one input and the output directory")
    args.output = args.inputs.pop()
    return args


def depeche_command(binary, threads, extra):
    """The command each partition is piped through."""
    return [binary, "extract", "-", "--quiet", "--no-progress", "--threads", str(threads)] + list(
        extra
    )


def resolve_binary(path):
    """An executable path: as given when it exists here, else a file shipped with --files."""
    if os.path.sep in path and os.path.exists(path):
        return os.path.abspath(path)
    if os.path.sep not in path:
        found = shutil.which(path)
        if found:
            return found
    return path


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("depeche-extract").config(
        "spark.ui.showConsoleProgress", "false"
    )
    if args.master:
        builder = builder.master(args.master)
    for kv in args.conf:
        key, _, value = kv.partition("=")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        binary = resolve_binary(args.depeche)
        cmd = depeche_command(binary, args.threads, args.extra)
        lines = sc.textFile(",".join(args.inputs), minPartitions=args.partitions or None)
        # Blank lines yield no record; dropping them keeps one output line per input line.
        lines = lines.filter(lambda l: l.strip() != "").map(lambda l: l.strip())
        if use_package(args.engine):
            options = package_options(args.threads, args.extra)
            frame = spark.createDataFrame(lines.map(lambda l: (l,)), "line string")
            records = frame.mapInArrow(
                lambda batches: extract_arrow_batches(options, batches), "record string"
            ).rdd.map(lambda row: row[0])
        else:
            records = lines.mapPartitions(lambda part: pipe_partition(cmd, part))
        if args.format == "jsonl":
            if args.mode == "overwrite":
                _remove(spark, args.output)
            records.saveAsTextFile(args.output)
        else:
            df = spark.read.json(records)
            df.write.mode(args.mode).parquet(args.output)
    finally:
        spark.stop()
    return 0


def use_package(engine):
    """Whether to run the depeche package in the workers."""
    if engine == "binary":
        return False
    try:
        import depeche  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        if engine == "package":
            raise SystemExit("--engine package: cannot import depeche and pyarrow here")
        return False
    return True


# `depeche extract` options after -- that the package path understands: flag -> (keyword, type).
PACKAGE_OPTIONS = {
    "--ner-model": ("ner_model", str),
    "--max-bytes": ("max_bytes", int),
    "--text-field": ("text_field", str),
    "--id-field": ("id_field", str),
    "--date-field": ("date_field", str),
    "--lossy": ("lossy", None),
}


def package_options(threads, extra):
    """The Pipeline and extract_batch keywords equal to `depeche extract --threads N EXTRA`."""
    options = {"threads": threads}
    i = 0
    while i < len(extra):
        flag, _, inline = extra[i].partition("=")
        if flag not in PACKAGE_OPTIONS:
            raise SystemExit(f"{flag}: not supported with --engine package; use --engine binary")
        key, conv = PACKAGE_OPTIONS[flag]
        if conv is None:
            options[key] = True
        else:
            if not inline:
                i += 1
                if i == len(extra):
                    raise SystemExit(f"{flag} needs a value")
                inline = extra[i]
            options[key] = conv(inline)
        i += 1
    return options


def extract_arrow_batches(options, batches):
    """mapInArrow body: the lines of one partition -> their JSON records, in order, exactly as
    `depeche extract -` prints them for the same lines (`source` is "-" and the line number in
    the partition, as in the binary engine)."""
    import depeche
    import pyarrow as pa

    pipeline_keys = ("ner_model", "threads", "max_bytes")
    pipeline = depeche.Pipeline(**{k: v for k, v in options.items() if k in pipeline_keys})
    read = {k: v for k, v in options.items() if k not in pipeline_keys}
    done = 0
    for batch in batches:
        lines = batch.column(0).to_pylist()
        records = pipeline.extract_batch(
            lines, jsonl=True, source="-", start=done, as_json=True, **read
        )
        done += len(lines)
        yield pa.RecordBatch.from_arrays([pa.array(records, pa.string())], names=["record"])


def pipe_partition(cmd, lines):
    """Stream one partition's JSON lines through depeche; yields one output line per input
    line, in order. An empty partition starts no process (depeche would read an empty
    standard input as one empty text article). Raises when depeche exits non-zero."""
    import itertools
    import subprocess
    import threading

    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        return
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    failure = []

    def feed():
        try:
            for line in itertools.chain([first], lines):
                proc.stdin.write(line.encode("utf-8") + b"\n")
        except BaseException as e:  # reported after the output is drained
            failure.append(e)
        finally:
            try:
                proc.stdin.close()
            except OSError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for out in proc.stdout:
        yield out.rstrip(b"\n").decode("utf-8")
    writer.join()
    code = proc.wait()
    if failure:
        raise RuntimeError(f"feeding depeche failed: {failure[0]!r}")
    if code != 0:
        raise RuntimeError(f"{cmd[0]} exited with status {code}")


def _remove(spark, path):
    """Delete an output directory through Hadoop's file system (local or distributed)."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    p = jvm.org.apache.hadoop.fs.Path(path)
    fs = p.getFileSystem(conf)
    if fs.exists(p):
        fs.delete(p, True)


if __name__ == "__main__":
    sys.exit(main())
