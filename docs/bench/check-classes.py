#!/usr/bin/env python3
# docs/bench/check-classes.py JAR [SEED]: writes synthetic patches for each class of issue 10
# (8 variants a class, each a positive and a negative case: names, masks, line breaks, casts and
# alignments vary with SEED), runs `lorebot check --json` on them and prints, per class, what
# was expected and found and every miss or false positive. Run from the repository root after
# `mvn -B -q -DskipTests package`.
import random, os, json, sys, tempfile, subprocess, collections
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
OUT=tempfile.mkdtemp(prefix='lorebot-classes-')
cases=[]
def diff(path, lines, new=False, heading=""):
    old=sum(1 for l in lines if not l.startswith('+')); newc=sum(1 for l in lines if not l.startswith('-'))
    h = f"@@ -0,0 +1,{newc} @@ {heading}" if new else f"@@ -20,{old} +20,{newc} @@ {heading}"
    head=f"diff --git a/{path} b/{path}\n" + ("new file mode 100644\n--- /dev/null\n" if new else f"--- a/{path}\n") + f"+++ b/{path}\n"
    return head + h + "\n" + "\n".join(lines) + "\n"
def case(name, path, lines, expect, forbid, new=False, heading=""):
    # expect: list of (rule, severity or None); forbid: list of rules that must not be posted (warning/error) or at all ('any')
    cases.append(dict(name=name, expect=expect, forbid=forbid))
    open(os.path.join(OUT, name+'.patch'),'w').write(diff(path, lines, new, heading))
def ident(): return random.choice(['foo','bar','baz','qux','sxe','mtk','rk','sun8i','omap','hisi'])+random.choice(['','_hw','_dev','_nfc','_ce'])
def mem(): return random.choice(['buf','bounce','key','iv','desc_buf','rx_buf','page_buf','cmd'])
def gfpk(): return random.choice(['GFP_KERNEL | GFP_DMA','GFP_DMA | GFP_KERNEL','GFP_KERNEL|GFP_DMA'])
def split_call(call, args):
    if random.random()<0.5: return [f"+\t{call}({', '.join(args)});"]
    return [f"+\t{call}({args[0]},"]+[f"+\t\t{a}," for a in args[1:-1]]+[f"+\t\t{args[-1]});"]
N=8
for i in range(N):
    d=ident(); p=f"drivers/misc/{d}{i}.c"; m=mem()
    # 1a zone-only coherent
    case(f"c01a-pos-{i}", p, split_call(f"{d}->{m} = dma_alloc_coherent", ["dev", "SZ", f"&{d}->{m}_dma", random.choice(['GFP_DMA','GFP_DMA32','__GFP_DMA'])]), [("DMA001",None),("DMA002",None)], [])
    case(f"c01a-neg-{i}", p, split_call(f"{d}->{m} = dma_alloc_coherent", ["dev", "SZ", f"&{d}->{m}_dma", "GFP_KERNEL"]), [], ["DMA001","DMA002"])
    # 1b kmalloc GFP_DMA mapped
    alloc=random.choice(['kzalloc','kmalloc'])
    L=[f"+\t{d}->{m} = {alloc}(len, {gfpk()});", f"+\tif (!{d}->{m})", "+\t\treturn -ENOMEM;"]+split_call(f"{d}->{m}_dma = dma_map_single", ["dev", f"{d}->{m}", "len", "DMA_TO_DEVICE"])
    case(f"c01b-pos-{i}", p, L, [("DMA008",None),("DMA009",None)], [])
    L=[f"+\t{d}->{m} = {alloc}(len, GFP_KERNEL);", f"+\tif (!{d}->{m})", "+\t\treturn -ENOMEM;"]+split_call(f"{d}->{m}_dma = dma_map_single", ["dev", f"{d}->{m}", "len", "DMA_TO_DEVICE"])
    case(f"c01b-neg-{i}", p, L, [], ["DMA008","DMA009"])
    # 2 scalar aligned, used as length only / array used as buffer
    sc=random.choice(['partial_size','count','flags','len'])
    S=["+struct %s_ctx {" % d, f"+\tunsigned int {sc} ____cacheline_aligned;", f"+\tu8 {m}[64] ____cacheline_aligned;", "+};",
       f"+static int {d}_run(struct {d}_ctx *ctx)", "+{", f"+\tsg_set_buf(&sg, ctx->{m}, ctx->{sc});", "+\treturn 0;", "+}"]
    case(f"c02-neg-{i}", p, S, [("DMA017",None)], [], new=True)  # expects DMA017 only on the array
    cases[-1]['only_lines']={"DMA017":[3]}
    # 3 memset on reused buffer / fresh buffer
    R=[f"+\tif (!{d}->{m}) {{", f"+\t\t{d}->{m} = dma_alloc_coherent(dev, SZ, &{d}->dma, GFP_KERNEL);", f"+\t\tif (!{d}->{m})", "+\t\t\treturn -ENOMEM;", "+\t}", f"+\tmemset({d}->{m}, 0, SZ);"]
    case(f"c03-neg-{i}", p, R, [], ["DMA019"])
    F=[f"+\t{d}->{m} = dma_alloc_coherent(dev, SZ, &{d}->dma, GFP_KERNEL);", f"+\tif (!{d}->{m})", "+\t\treturn -ENOMEM;", f"+\tmemset({d}->{m}, 0, SZ);"]
    case(f"c03-pos-{i}", p, F, [("DMA019","info")], [])
    # 4 core code new file
    core=random.choice(['include/linux/','crypto/','net/core/','lib/','fs/ext4/','kernel/','mm/'])
    case(f"c04-neg-{i}", core+f"{d}.c", [f"+\tp = kmalloc(len, {gfpk()});"], [], ["DMA024"], new=True)
    case(f"c04-pos-{i}", p, [f"+\tp = kmalloc(len, {gfpk()});"], [("DMA024","info")], [], new=True)
    # 5 carried over
    g=gfpk()
    K=[f"-\t{m} = kzalloc(len, {g});", f"-\tif (!{m})", "-\t\treturn -ENOMEM;", f"-\tmemcpy({m}, src, len);", f"+\t{m} = kmemdup(src, len, {g});", f"+\tif (!{m})", "+\t\treturn -ENOMEM;"]
    case(f"c05-neg-{i}", p, K, [("DMA008","info")], ["DMA008"])
    K=[f"-\t{m} = kmalloc(len, GFP_KERNEL);", f"+\t{m} = kmemdup(src, len, {g});"]
    case(f"c05-pos-{i}", p, K, [("DMA008","warning")], [])
    # 6 member chains and aliases
    v=random.choice(['member','alias','path'])
    if v=='member': M=[f"+\top->{m} = kzalloc(op->len, {gfpk()});", f"+\tif (!op->{m})", "+\t\treturn -ENOMEM;"]+split_call("op->addr = dma_map_single", ["ss->dev", f"op->{m}", "op->len", "DMA_TO_DEVICE"])
    elif v=='alias': M=[f"+\tp = kmalloc(len, {gfpk()});", f"+\treq->{m} = p;"]+split_call("dma = dma_map_single", ["dev", f"req->{m}", "len", "DMA_FROM_DEVICE"])
    else: M=[f"+\tchan->{m} = kzalloc(sz, {gfpk()});", f"+\tif (!chan->{m})", "+\t\treturn -ENOMEM;"]+split_call("a = dma_map_single", ["ce->dev", f"ce->chanlist[flow].{m}", "sz", "DMA_TO_DEVICE"])
    case(f"c06-pos-{i}", p, M, [("DMA009",None)], [])
    M=[f"+\tchan->{m} = kzalloc(sz, {gfpk()});", "+\ta = dma_map_single(ce->dev, chan->other, sz, DMA_TO_DEVICE);"]
    case(f"c06-neg-{i}", p, M, [], ["DMA009"])
    # 7 weak alignment written another way
    al=random.choice(['sizeof(u32)','sizeof(u64)','4','8','__alignof__(u64)'])
    A=["+struct %s_ctx {" % d, "+\tu32 flags;", f"+\tu8 tmp[128] __aligned({al});", "+};", f"+static void {d}_up(struct {d}_ctx *ctx)", "+{",
       random.choice([f"+\tsg_set_buf(&sg, ctx->tmp, 128);", f"+\taddr = dma_map_single(dev, ctx->tmp, 128, DMA_TO_DEVICE);"]), "+}"]
    case(f"c07-pos-{i}", p, A, [("DMA017",None)], [], new=True)
    A[2]="+\tu8 tmp[128] __aligned(ARCH_DMA_MINALIGN);"
    case(f"c07-neg-{i}", p, A, [], ["DMA017"], new=True)
    # 8 descriptor fields
    fld=random.choice(['addr','src','dst','buf_addr'])
    base=random.choice(['desc','hw','bd','lli','dscr'])
    val=random.choice([f"virt_to_phys({m})", f"cpu_to_le32(virt_to_phys({m}))", f"cpu_to_le64(virt_to_phys(req->{m}))", f"(u32)virt_to_phys({m})"])
    case(f"c08-pos-{i}", p, [f"+\t{base}->{fld} = {val};"], [("DMA016",None)], [])
    case(f"c08-neg-{i}", "drivers/media/"+d+".c", [f"+\tpriv->{m}_pbase = virt_to_phys(priv->{m});"], [], ["DMA016"])
    # 9 atomic coherent in init paths
    fn=random.choice([f"{d}_probe", f"{d}_hw_init", f"{d}_init_rings", f"{d}_open"])
    case(f"c09-pos-{i}", p, [f"+\tpriv->ring = dma_alloc_coherent(priv->dev, SZ, &priv->ring_dma, GFP_ATOMIC);"], [("DMA023","info")], [], heading=f"static int {fn}(struct {d} *priv)")
    neg=random.choice([(f"{d}_irq_handler",[]),(f"{d}_queue_rq",[]),(f"{d}_hw_init",["+\tspin_lock_irqsave(&priv->lock, flags);"]),(f"{d}_tasklet",[])])
    case(f"c09-neg-{i}", p, neg[1]+[f"+\tpriv->ring = dma_alloc_coherent(priv->dev, SZ, &priv->ring_dma, GFP_ATOMIC);"], [], ["DMA023:any"], heading=f"static int {neg[0]}(struct {d} *priv)")
    # 10 wrappers
    if i%2==0:
        case(f"c10-pos-{i}", p, [f"+\tret = kfifo_alloc(&{d}->fifo, SZ, {gfpk()});"], [("DMA008",None)], [])
    else:
        W=[f"+static void *{d}_alloc_desc(struct {d} *p, gfp_t gfp)", "+{", "+\treturn kmem_cache_alloc(p->cache, gfp);", "+}", f"+static int {d}_start(struct {d} *p)", "+{", f"+\tp->d = {d}_alloc_desc(p, GFP_KERNEL | GFP_DMA32);", "+\treturn 0;", "+}"]
        case(f"c10-pos-{i}", p, W, [("DMA007",None)], [], new=True)
    W=[f"+static void *{d}_alloc_desc(struct {d} *p, gfp_t gfp)", "+{", "+\treturn kmem_cache_alloc(p->cache, gfp);", "+}", f"+static int {d}_start(struct {d} *p)", "+{", f"+\tp->d = {d}_alloc_desc(p, GFP_KERNEL);", "+\treturn 0;", "+}"]
    case(f"c10-neg-{i}", p, W, [], ["DMA007","DMA008","DMA010"], new=True)


jar=sys.argv[1]
files=[os.path.join(OUT, c['name'] + '.patch') for c in cases]
out=subprocess.run(['java','-jar',jar,'check','--json']+files,capture_output=True,text=True).stdout
found=collections.defaultdict(list)
for f in json.loads(out): found[os.path.basename(f['input'])[:-6]].append(f)
per=collections.defaultdict(lambda: collections.Counter())
bad=[]
for c in cases:
    cls=c['name'][:3]; fs=found[c['name']]
    for rule,sev in c['expect']:
        hit=[f for f in fs if f['rule']==rule and (sev is None or f['severity']==sev)]
        per[cls]['expected']+=1
        if hit: per[cls]['found']+=1
        else: bad.append(('missed',c['name'],rule,sev,[(f['rule'],f['severity']) for f in fs]))
    for r in c['forbid']:
        any_=r.endswith(':any'); r=r.split(':')[0]
        wrong=[f for f in fs if f['rule']==r and (any_ or f['severity']!='info')]
        per[cls]['forbidden-checks']+=1
        if wrong: per[cls]['false-positive']+=1; bad.append(('false positive',c['name'],r,[(f['rule'],f['severity'],f['line']) for f in wrong]))
    for rule,lines in c.get('only_lines',{}).items():
        got=[f['line'] for f in fs if f['rule']==rule]
        per[cls]['forbidden-checks']+=1
        if got!=lines: per[cls]['false-positive']+=1; bad.append(('wrong lines',c['name'],rule,got))
tp=sum(p['found'] for p in per.values()); ex=sum(p['expected'] for p in per.values())
fp=sum(p['false-positive'] for p in per.values()); fc=sum(p['forbidden-checks'] for p in per.values())
for k in sorted(per): print(k, dict(per[k]))
print(f"recall {tp}/{ex}; false positives {fp} in {fc} negative checks")
posted=[f for v in found.values() for f in v if f['severity']!='info']
print("posted findings:", len(posted))
for b in bad: print(b)
