// py_view.h — a request given as Python objects, seen through the request
// reader's value view (request/value_view.h), so the section 6.2 checks and
// their messages are the JSON reader's own, with no JSON text in between.
// dict -> Object, list/tuple -> Array, str -> String, bool -> Bool, int ->
// Int/Uint (beyond uint64: Float with its digits), float -> Float (its repr),
// None -> Null. check_json_form() runs first and refuses everything else.
// Needs the GIL; no Python code runs while a request is read (no __eq__,
// __hash__ or __getitem__ of subclasses is called), so the objects cannot
// change under the reader.
#pragma once

#include <Python.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "request/json_tree.h"

namespace agentpol::python {

// Whether `root` and everything in it has a JSON form: the types above, str
// keys, finite floats, str encodable as UTF-8, nesting of at most
// kMaxJsonDepth containers (which also ends any cycle). Otherwise false, with
// what and where in *error ("args.amount: a bytes value has no JSON form").
bool check_json_form(PyObject* root, std::string* error);

class PyView {
 public:
  using Node = PyObject*;
  static constexpr Node kAbsent = nullptr;

  // `keep` holds the texts made for Float nodes (repr of a float, digits of
  // a huge int) until the caller clears it, after the read.
  explicit PyView(std::vector<PyObject*>& keep) : keep_(keep) {}

  request::JsonKind kind(Node n) const;
  bool boolean(Node n) const { return n == Py_True; }
  int64_t integer(Node n) const { return PyLong_AsLongLong(n); }
  uint64_t uinteger(Node n) const { return PyLong_AsUnsignedLongLong(n); }
  std::string_view string(Node n) const;
  Node find(Node obj, std::string_view key) const;

  template <class F>
  bool members(Node obj, F&& f) const {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(obj, &pos, &k, &v))
      if (!f(utf8(k), v)) return false;
    return true;
  }
  template <class F>
  bool elements(Node arr, F&& f) const {
    Py_ssize_t n = PySequence_Fast_GET_SIZE(arr);
    PyObject** items = PySequence_Fast_ITEMS(arr);
    for (Py_ssize_t i = 0; i < n; ++i)
      if (!f(items[i])) return false;
    return true;
  }

  // A str's UTF-8 (cached in the object by check_json_form). An ASCII str
  // is its own UTF-8: read in place, without a call.
  static std::string_view utf8(PyObject* s) {
    if (PyUnicode_IS_COMPACT_ASCII(s))
      return {reinterpret_cast<const char*>(reinterpret_cast<PyASCIIObject*>(s) + 1),
              static_cast<size_t>(PyUnicode_GET_LENGTH(s))};
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(s, &size);
    return {data, static_cast<size_t>(size)};
  }

 private:
  std::vector<PyObject*>& keep_;
};

}  // namespace agentpol::python
