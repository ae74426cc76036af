// load.cpp — the loader's entry points: parse (header, checksum, tables),
// check the schema, decode and verify code, link run-time tables. Any failure
// is an error value; nothing is evaluated before every check passed.
#include "bundle/format.h"
#include "api/access.h"
#include "loader/bundle_data.h"

#include <agentpol/bundle.h>

#include <fstream>
#include <iterator>
#include <new>

namespace agentpol {
namespace {

LoadResult load_checked(const uint8_t* data, size_t size) {
  LoadResult out;
  auto d = std::make_unique<detail::BundleData>();
  if (!parse_image(data, size, &d->image, &out.error)) return out;
  if (!detail::check_schema(d->image, &out.error)) return out;
  if (!detail::link_bundle(d.get(), &out.error)) return out;
  d->checksum = 0;
  for (unsigned i = 0; i < 8; ++i) d->checksum |= static_cast<uint64_t>(data[kOffChecksum + i]) << (8 * i);
  out.bundle = detail::Access::make_bundle(std::move(d));
  return out;
}

}  // namespace

LoadResult load_bundle(const uint8_t* data, size_t size) {
  try {
    if (data == nullptr && size != 0) return {nullptr, "null data"};
    static const uint8_t kEmpty[1] = {0};
    return load_checked(data ? data : kEmpty, size);
  } catch (const std::bad_alloc&) {
    return {nullptr, "out of memory while loading the bundle"};
  } catch (...) {
    return {nullptr, "internal error while loading the bundle"};
  }
}

LoadResult load_bundle(const std::vector<uint8_t>& bytes) { return load_bundle(bytes.data(), bytes.size()); }

LoadResult load_bundle_file(const std::string& path) {
  try {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {nullptr, "cannot open " + path};
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return {nullptr, "cannot read " + path};
    return load_bundle(bytes);
  } catch (...) {
    return {nullptr, "cannot read " + path};
  }
}

}  // namespace agentpol
