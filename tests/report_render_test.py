#!/usr/bin/env python3
"""hds report, opened in headless Chromium: the rendered page holds the six charts, runs no script, and its
screenshot is not blank.

Usage: report_render_test.py HDS DATA_DIR WORK_DIR
Exits 77 (CTest's "skipped") when Chromium is not installed, unless HDS_REQUIRE_CHROMIUM=1 (.ci/run sets it
after installing Chromium), where a missing Chromium fails the test.
"""
import os
import shutil
import struct
import subprocess
import sys
import zlib

EXPECTED_CHARTS = 6


def chromium():
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_args(browser, work):
    # Flags from this machine's notes: as root Chromium needs --no-sandbox; with no network, background
    # connections are turned off so that it neither waits nor fails on them.
    return [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--user-data-dir=" + os.path.join(work, "profile")]


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, timeout=180, **kwargs)
    if result.returncode != 0:
        sys.exit("failed (%d): %s\n%s%s" % (result.returncode, " ".join(args), result.stdout, result.stderr))
    return result.stdout


def png_pixels(path):
    """The PNG's rows of RGB(A) bytes (8-bit, not interlaced: what Chromium writes)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("%s is not a PNG" % path)
    at, idat = 8, b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        sys.exit("unexpected PNG format: depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, previous = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        filter_type = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up = previous[x]
            up_left = previous[x - bpp] if x >= bpp else 0
            if filter_type == 1:
                line[x] = (line[x] + left) & 0xFF
            elif filter_type == 2:
                line[x] = (line[x] + up) & 0xFF
            elif filter_type == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif filter_type == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[x] = (line[x] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def main():
    hds, data_dir, work = sys.argv[1:4]
    browser = chromium()
    if browser is None:
        if os.environ.get("HDS_REQUIRE_CHROMIUM") == "1":
            sys.exit("chromium is not installed, and HDS_REQUIRE_CHROMIUM=1 requires it")
        print("skipped: chromium is not installed (Debian package chromium)")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db, report, png = (os.path.join(work, name) for name in ("hds.db", "report.html", "report.png"))
    run([os.path.join(data_dir, "build-db"), db], env=dict(os.environ, HDS=hds))
    run([hds, "report", db, "--out", report])

    dom = run(browser_args(browser, work) + ["--dump-dom", "file://" + report])
    charts = dom.count("<svg")
    if charts != EXPECTED_CHARTS:
        sys.exit("the rendered page holds %d <svg> elements, expected %d" % (charts, EXPECTED_CHARTS))
    if "<script" in dom:
        sys.exit("the rendered page holds a <script> element")
    if "104 sociétés" not in dom:
        sys.exit("the rendered page does not show the article's 104 companies")

    run(browser_args(browser, work) + ["--window-size=1000,2200", "--screenshot=" + png, "file://" + report])
    width, height, bpp, rows = png_pixels(png)
    # Not blank: many pixels differ from the background, and the accent colour of the bars (blue) is there.
    background = rows[0][:bpp]
    inked = blue = 0
    for row in rows:
        for x in range(0, width * bpp, bpp * 4):  # every fourth pixel is plenty
            pixel = row[x:x + bpp]
            if pixel != background:
                inked += 1
            if pixel[2] > 150 and pixel[0] < 80 and pixel[1] < 120:
                blue += 1
    sampled = height * ((width + 3) // 4)
    print("%d charts; screenshot %dx%d: %.1f %% of sampled pixels inked, %d accent-coloured"
          % (charts, width, height, 100.0 * inked / sampled, blue))
    if inked < sampled // 50:
        sys.exit("the screenshot is blank or nearly so")
    if blue < 200:
        sys.exit("the screenshot shows no bars in the accent colour")
    return 0


if __name__ == "__main__":
    sys.exit(main())
