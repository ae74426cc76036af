// layout.h — how the checked schema maps onto the runtime's flat slots:
// record-typed fields become several slots named with dots
// ("token.issued_at"); the leaves of an optional record field `r?: R` are all
// optional. Shared by the lowering (slot numbers) and codegen (the bundle's
// tables); request/ (the reader) rebuilds the record trees from the dotted names.
#pragma once

#include <cstdint>
#include <vector>

#include <agentpol/bundle_image.h>

namespace agentpol::sema {
class Type;
struct Field;
struct Schema;
}  // namespace agentpol::sema

namespace agentpol::ir {

constexpr uint32_t kNoIndex = 0xffffffffu;

// The flattened form of one field list (a record, an entity, an action's args).
struct FieldLayout {
  std::vector<SlotImage> slots;
  std::vector<uint32_t> offset;  // per field: its first slot
  // The slots [offset[f], end(f)) of field f.
  uint32_t end(size_t f) const {
    return f + 1 < offset.size() ? offset[f + 1] : static_cast<uint32_t>(slots.size());
  }
  // The first slot that is required (kNoIndex when all are optional): for a
  // record, a leaf that is present exactly when the record is.
  uint32_t firstRequired() const;
};

struct Layout {
  std::vector<FieldLayout> records;   // per Schema::records index
  std::vector<FieldLayout> entities;  // per Schema::entities index
  std::vector<FieldLayout> args;      // per action: its arguments
  std::vector<uint32_t> recordImage;  // Schema::records index -> BundleImage::records index (kNoIndex: context)
  FieldLayout context() const;        // = records[contextRecord]
  uint32_t contextRecord = 0;
};

// Maps a sema type to its run-time type code (records to their image index;
// the `[]` type to Set<Bool>, an empty set of any type compares the same).
Type runtimeType(const sema::Type* t, const Layout& layout);

// Builds the layout of every record, entity and action of `schema`.
Layout buildLayout(const sema::Schema& schema);

}  // namespace agentpol::ir
