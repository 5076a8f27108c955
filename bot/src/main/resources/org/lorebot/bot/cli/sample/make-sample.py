#!/usr/bin/env python3
"""Builds lorebot's built-in sample archive (what `lorebot run` shows with no config).

Usage: make-sample.py CORPUS_DIR LINUX_MTD_EPOCH_GIT OUT_DIR

- CORPUS_DIR: the labelled real messages (one RFC 5322 file each, *.eml); each
  goes to the mbox of its list, named after its List-Id.
- LINUX_MTD_EPOCH_GIT: the real linux-mtd public-inbox epoch (0.git); every
  message whose subject mentions Rockchip (the NAND controller driver series,
  v1 to v6, with its review) is taken, in archive order.
Messages are written byte for byte as mboxrd (">From " quoting) with
public-inbox's "From mboxrd@z" separator, and lists.tsv names them.

The ARRIVALS are kept out of the lists' history and written to
new-<list>.mbox instead (arrivals.tsv names them): `lorebot run` without a
config indexes the history on its first pass, then delivers these as new mail
so the daemon reviews them. They are real patches with findings (and a
review reply, which the bot must leave alone).
"""
import email.parser
import os
import re
import subprocess
import sys

corpus, epoch, out = sys.argv[1:4]
SEPARATOR = b"From mboxrd@z Thu Jan  1 00:00:00 1970\n"
FROM_LINE = re.compile(rb"^(>*From )", re.M)
LIST_NAMES = {
    "linux-crypto.vger.kernel.org": "linux-crypto",
    "linux-mips.vger.kernel.org": "linux-mips",
    "iommu.lists.linux-foundation.org": "iommu",
    "linux-usb.vger.kernel.org": "linux-usb",
    "linux-media.vger.kernel.org": "linux-media",
}
URLS = {
    "linux-crypto": "https://lore.kernel.org/linux-crypto",
    "linux-mips": "https://lore.kernel.org/linux-mips",
    "iommu": "https://lore.kernel.org/iommu",
    "linux-usb": "https://lore.kernel.org/linux-usb",
    "linux-media": "https://lore.kernel.org/linux-media",
    "linux-mtd": "https://lore.kernel.org/linux-mtd",
}
ADDRESSES = {
    "linux-mips": "linux-mips@vger.kernel.org",
    "linux-media": "linux-media@vger.kernel.org",
}


# Real patches that carry findings, and a reply; delivered after the history.
ARRIVALS = {
    "019-n64-fbdev-n64rdp-driver.eml",      # dma_alloc_coherent(GFP_DMA | GFP_KERNEL)
    "020-n64-fbdev-re-tsbogend.eml",        # a review of 019, quoting its diff
    "022-n64-cart-v2-kmalloc-gfp-dma.eml",  # kmalloc(GFP_DMA) bounce buffer
    "074-vioverlay-kzalloc-gfp-dma32.eml",  # kzalloc(GFP_KERNEL | GFP_DMA32)
}


def mboxrd(raw):
    raw = raw.replace(b"\r\n", b"\n")
    if not raw.endswith(b"\n"):
        raw += b"\n"
    return SEPARATOR + FROM_LINE.sub(rb">\1", raw) + b"\n"


def list_of(raw):
    headers = email.parser.BytesHeaderParser().parsebytes(raw)
    list_id = str(headers.get("List-Id", ""))
    for key, name in LIST_NAMES.items():
        if key in list_id or key.replace(".", "-") in list_id:
            return name
    source = str(headers.get("X-Corpus-Source", ""))
    for key, name in LIST_NAMES.items():
        if key in source:
            return name
    raise SystemExit("cannot tell the list of a message: " + list_id + " " + source)


mboxes = {}
arrivals = {}
for name in sorted(os.listdir(corpus)):
    if name.endswith(".eml"):
        with open(os.path.join(corpus, name), "rb") as f:
            raw = f.read()
        target = arrivals if name in ARRIVALS else mboxes
        target.setdefault(list_of(raw), []).append(mboxrd(raw))

log = subprocess.run(["git", "--git-dir", epoch, "log", "--reverse", "--format=%H %s"],
                     check=True, capture_output=True).stdout.decode("utf-8", "replace")
for line in log.splitlines():
    commit, _, subject = line.partition(" ")
    if "rockchip" in subject.lower():
        raw = subprocess.run(["git", "--git-dir", epoch, "show", commit + ":m"],
                             check=True, capture_output=True).stdout
        mboxes.setdefault("linux-mtd", []).append(mboxrd(raw))

with open(os.path.join(out, "lists.tsv"), "w") as index:
    index.write("# list\tmbox\turl\tmessages\n")
    for name in sorted(mboxes):
        with open(os.path.join(out, name + ".mbox"), "wb") as f:
            f.writelines(mboxes[name])
        index.write("%s\t%s.mbox\t%s\t%d\n" % (name, name, URLS[name], len(mboxes[name])))

with open(os.path.join(out, "arrivals.tsv"), "w") as index:
    index.write("# list\tmbox\turl\taddress\tmessages\n")
    for name in sorted(arrivals):
        with open(os.path.join(out, "new-" + name + ".mbox"), "wb") as f:
            f.writelines(arrivals[name])
        index.write("%s\tnew-%s.mbox\t%s\t%s\t%d\n"
                    % (name, name, URLS[name], ADDRESSES[name], len(arrivals[name])))
