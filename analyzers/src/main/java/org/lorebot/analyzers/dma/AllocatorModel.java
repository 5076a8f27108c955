package org.lorebot.analyzers.dma;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The allocation APIs the rules know, read from {@code allocators.tsv}. */
public final class AllocatorModel {
    private static final AllocatorModel STANDARD = load();

    private final Map<String, Allocator> byApi;

    private AllocatorModel(Map<String, Allocator> byApi) {
        this.byApi = byApi;
    }

    public static AllocatorModel standard() {
        return STANDARD;
    }

    public Optional<Allocator> find(String api) {
        return Optional.ofNullable(byApi.get(api));
    }

    public boolean isAllocator(String name) {
        return byApi.containsKey(name);
    }

    /** This model plus {@code extra} allocators (a patch's own wrappers); this one when there are none. */
    public AllocatorModel with(Collection<Allocator> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, Allocator> all = new LinkedHashMap<>(byApi);
        for (Allocator a : extra) {
            all.putIfAbsent(a.api(), a);
        }
        return new AllocatorModel(Map.copyOf(all));
    }

    public Collection<Allocator> allocators() {
        return byApi.values();
    }

    private static AllocatorModel load() {
        TsvResource table = TsvResource.load(AllocatorModel.class, "allocators.tsv",
                "api", "family", "gfp_arg", "order_arg", "zeroes", "GFP_DMA", "GFP_DMA32",
                "__GFP_HIGHMEM", "__GFP_COMP", "non_blocking", "replacement", "citations");
        Map<String, Allocator> byApi = new LinkedHashMap<>();
        for (TsvResource.Row row : table.rows()) {
            try {
                Allocator a = new Allocator(row.get(0).strip(), row.get(1).strip(),
                        Integer.parseInt(row.get(2).strip()),
                        row.get(3).strip().equals("-") ? -1 : Integer.parseInt(row.get(3).strip()),
                        yesNo(row.get(4)), ZoneEffect.parse(row.get(5)), ZoneEffect.parse(row.get(6)),
                        ZoneEffect.parse(row.get(7)), compound(row.get(8)),
                        NonBlockingEffect.parse(row.get(9)), row.get(10).strip(), TsvResource.list(row.get(11)), null);
                if (byApi.put(a.api(), a) != null) {
                    throw table.error(row, "duplicate api " + a.api());
                }
            } catch (IllegalArgumentException e) {
                throw table.error(row, e.getMessage());
            }
        }
        return new AllocatorModel(Map.copyOf(byApi));
    }

    private static boolean yesNo(String cell) {
        return switch (cell.strip()) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("expected yes or no, found '" + cell + "'");
        };
    }

    private static boolean compound(String cell) {
        return switch (cell.strip()) {
            case "rejected" -> true;
            case "ok" -> false;
            default -> throw new IllegalArgumentException("expected ok or rejected, found '" + cell + "'");
        };
    }
}
