"""One Spark session per process: started on first use, reused by every later call, closed
explicitly (or when the process exits).

>>> session = spark_session("local[2]")        # starts the JVM once (tens of seconds)
>>> spark_session() is session                 # every later call: the same session
True
>>> close_spark_session()

``master`` is a Spark master URL: ``local``, ``local[N]``, ``local[*]``, ``spark://host:port``,
``yarn``, ``k8s://https://host:port``…; ``None`` leaves it to Spark (``local[*]`` in a plain
Python process, the master given to ``spark-submit`` under ``spark-submit``). Asking the held
session for another master is refused: close it first.
"""

from __future__ import annotations

import atexit
import os
import re
import threading
from collections.abc import Mapping
from typing import Any

from xuequ_rules.errors import XuequError

APP_NAME = "xuequ-rules"
# quiet and deterministic: no console progress bars, dates and times read in UTC
DEFAULT_CONFIG: dict[str, str] = {
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
}
# local mode: no web UI, the driver on the loopback interface
LOCAL_CONFIG: dict[str, str] = {
    "spark.ui.enabled": "false",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.driver.host": "127.0.0.1",
}
_MASTER = re.compile(
    r"local(\[(\*|[1-9]\d*)(,\s*[1-9]\d*)?\])?"           # local, local[2], local[*], local[2,3]
    r"|local-cluster\[[1-9]\d*,\s*[1-9]\d*,\s*[1-9]\d*\]"
    r"|spark://[^\s/:,]+(:\d+)?(,[^\s/:,]+(:\d+)?)*"      # standalone (with standby masters)
    r"|yarn|k8s://\S+|mesos://\S+")



class _Holder:
    """The held session and the master it runs on."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.session: Any = None
        self.master = ""
        self.exit_hook = False


_held = _Holder()


def check_master(master: str, option: str = "--master") -> str:
    """``master`` if it is a Spark master URL, else a bilingual error naming ``option``."""
    if _MASTER.fullmatch(master.strip()) is None:
        raise XuequError(
            f"无效的 Spark 主节点地址：{master!r}（如 local[2]、spark://主机:7077、yarn）",
            f"invalid Spark master URL {master!r} (e.g. local[2], spark://host:7077, yarn)",
            field=option)
    return master.strip()


def spark_session(master: str | None = None, *,
                  config: Mapping[str, str] | None = None) -> Any:
    """The process's Spark session, started on the first call (``master``, ``config`` are
    Spark settings on top of :data:`DEFAULT_CONFIG`) and returned as is afterwards."""
    if master is not None:
        master = check_master(master)
    with _held.lock:
        if _held.session is None:
            _held.session = _start(master, config or {})
            _held.master = str(_held.session.sparkContext.master)
        session, held = _held.session, _held.master
        if master is not None and master != held:
            raise XuequError(
                f"Spark 会话已在 {held} 上运行，不能改用 {master}：请先关闭会话",
                f"the Spark session runs on {held}, not {master}: close it first",
                field="--master")
        return session


def held_spark_session() -> Any:
    """The session :func:`spark_session` holds, or ``None``."""
    return _held.session


def close_spark_session() -> None:
    """Stop the held session (the JVM stays for a later :func:`spark_session`)."""
    with _held.lock:
        session, _held.session, _held.master = _held.session, None, ""
    if session is not None:
        session.stop()


def _start(master: str | None, config: Mapping[str, str]) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise XuequError("需要安装 spark 扩展：pip install 'xuequ-rules[spark]'（另需 Java 17+）",
                         "needs the spark extra: pip install 'xuequ-rules[spark]' (and Java "
                         "17+)", field="--engine") from None
    settings = dict(DEFAULT_CONFIG)
    if master is not None and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        settings.update(LOCAL_CONFIG)
    settings.update(config)
    builder = SparkSession.builder.appName(APP_NAME)
    if master is not None:
        builder = builder.master(master)
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    if not _held.exit_hook:
        atexit.register(close_spark_session)
        _held.exit_hook = True
    return session
