// schema.cpp — lookups by name on the schema records (linear: records are
// small and these run at compile time only).
#include "sema/schema.h"

namespace agentpol::sema {

int RecordInfo::fieldIndex(llvm::StringRef attr) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == attr) return static_cast<int>(i);
  return -1;
}

const Field* RecordInfo::field(llvm::StringRef attr) const {
  int i = fieldIndex(attr);
  return i < 0 ? nullptr : &fields[static_cast<size_t>(i)];
}

int EnumInfo::valueIndex(llvm::StringRef value) const {
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == value) return static_cast<int>(i);
  return -1;
}

}  // namespace agentpol::sema
