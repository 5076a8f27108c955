package org.lorebot.index.codec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.lorebot.index.store.IndexFields;

/**
 * Every stored field of every live document of a data directory's index, read through whatever
 * codec each segment names: Message-ID to its fields in order, each as "name=value" (binary
 * values in base64), so that two indexes compare byte for byte.
 */
final class StoredDocuments {

    private StoredDocuments() {
    }

    static Map<String, List<String>> of(Path dataDir) throws IOException {
        Map<String, List<String>> documents = new TreeMap<>();
        try (FSDirectory directory = FSDirectory.open(dataDir.resolve("lucene"));
                DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    List<String> fields = new ArrayList<>();
                    String id = null;
                    for (IndexableField field : stored.document(doc)) {
                        fields.add(field.name() + "=" + value(field));
                        if (field.name().equals(IndexFields.MID)) {
                            id = field.stringValue();
                        }
                    }
                    documents.put(id, fields);
                }
            }
        }
        return documents;
    }

    private static String value(IndexableField field) {
        BytesRef binary = field.binaryValue();
        if (binary != null) {
            return Base64.getEncoder().encodeToString(
                    Arrays.copyOfRange(binary.bytes, binary.offset, binary.offset + binary.length));
        }
        return field.numericValue() != null ? field.numericValue().toString() : field.stringValue();
    }
}
