#!/usr/bin/env python3
"""Run `depeche extract` over a JSON Lines dump on a Spark cluster.

Each partition of the input is streamed through the depeche binary (stdin JSON Lines ->
stdout JSON Lines, one output line per non-blank input line, in order), so a cluster of any
size runs the same extraction as a single machine. The records are written as JSON Lines
text files (part-00000, ...) or as a Parquet dataset of the nested records.

Local mode (all cores of this machine):

    scripts/spark-setup.sh            # once: pyspark in .venv-spark
    .venv-spark/bin/python scripts/spark_extract.py dump.jsonl out/ \\
        --depeche target/release/depeche --master 'local[*]'

Cluster (the binary is shipped to every executor with --files):

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
