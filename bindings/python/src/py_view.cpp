// py_view.cpp — check_json_form (the one walk that refuses what has no JSON
// form, as the JSON parser refuses text that is not JSON) and the parts of
// PyView that are not one-liners.
#include "py_view.h"

#include <cmath>

#include "request/reader_core.h"  // detail::Path, renderPath: the reader's JSON paths
#include "request/value_view.h"   // sameName

namespace agentpol::python {
namespace {

using request::detail::Path;

// PyLong in int64 (Int), in uint64 (Uint), or beyond (Float with digits).
request::JsonKind int_kind(PyObject* n) {
  int overflow = 0;
  PyLong_AsLongLongAndOverflow(n, &overflow);
  if (overflow == 0) return request::JsonKind::Int;
  if (overflow > 0) {
    PyLong_AsUnsignedLongLong(n);
    if (!PyErr_Occurred()) return request::JsonKind::Uint;
    PyErr_Clear();
  }
  return request::JsonKind::Float;
}

bool refuse(const Path* p, const std::string& what, std::string* error) {
  std::string where = request::detail::renderPath(p);
  *error = where.empty() ? what : where + ": " + what;
  return false;
}

bool is_array(PyObject* o) { return PyList_Check(o) || PyTuple_Check(o); }

bool check(PyObject* o, unsigned depth, const Path* p, std::string* error) {
  if (PyUnicode_Check(o)) {
    if (PyUnicode_IS_COMPACT_ASCII(o) || PyUnicode_AsUTF8AndSize(o, nullptr)) return true;
    PyErr_Clear();
    return refuse(p, "a str with a lone surrogate has no UTF-8 form", error);
  }
  bool dict = PyDict_Check(o);
  if (!dict && !is_array(o)) {
    if (o == Py_None || PyLong_Check(o)) return true;  // bool is an int subclass
    if (!PyFloat_Check(o))
      return refuse(p, std::string("a value of Python type ") + Py_TYPE(o)->tp_name + " has no JSON form", error);
    if (std::isfinite(PyFloat_AS_DOUBLE(o))) return true;
    return refuse(p, "a float that is not finite has no JSON form", error);
  }
  if (depth >= request::kMaxJsonDepth)
    return refuse(nullptr, "nesting deeper than " + std::to_string(request::kMaxJsonDepth) + " levels", error);
  if (dict) {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(o, &pos, &k, &v)) {
      if (!PyUnicode_Check(k))
        return refuse(p, std::string("a key must be a str, not ") + Py_TYPE(k)->tp_name, error);
      if (!PyUnicode_IS_COMPACT_ASCII(k) && !PyUnicode_AsUTF8AndSize(k, nullptr)) {
        PyErr_Clear();
        return refuse(p, "a key with a lone surrogate has no UTF-8 form", error);
      }
      Path kp{p, PyView::utf8(k)};
      if (!check(v, depth + 1, &kp, error)) return false;
    }
    return true;
  }
  Py_ssize_t n = PySequence_Fast_GET_SIZE(o);
  PyObject** items = PySequence_Fast_ITEMS(o);
  for (Py_ssize_t i = 0; i < n; ++i) {
    Path ip{p, {}, static_cast<size_t>(i)};
    if (!check(items[i], depth + 1, &ip, error)) return false;
  }
  return true;
}

}  // namespace

bool check_json_form(PyObject* root, std::string* error) { return check(root, 0, nullptr, error); }

// The checks that read type flags come first; PyFloat_Check (a subtype
// walk for anything that is not exactly a float) last.
request::JsonKind PyView::kind(Node n) const {
  using request::JsonKind;
  if (PyUnicode_Check(n)) return JsonKind::String;
  if (PyDict_Check(n)) return JsonKind::Object;
  if (n == Py_None) return JsonKind::Null;
  if (PyBool_Check(n)) return JsonKind::Bool;
  if (PyLong_Check(n)) return int_kind(n);
  if (PyList_Check(n) || PyTuple_Check(n)) return JsonKind::Array;
  return JsonKind::Float;  // check_json_form let nothing else through
}

std::string_view PyView::string(Node n) const {
  if (PyUnicode_Check(n)) return utf8(n);
  // A Float node: the number's text, as a JSON document would have written it.
  // The base types' repr, so that no subclass's __repr__ runs.
  PyObject* text = PyFloat_Check(n) ? PyFloat_Type.tp_repr(n) : PyLong_Type.tp_repr(n);
  if (!text) {
    PyErr_Clear();
    return "?";
  }
  keep_.push_back(text);
  return utf8(text);
}

PyView::Node PyView::find(Node obj, std::string_view key) const {
  Py_ssize_t pos = 0;
  PyObject *k, *v;
  while (PyDict_Next(obj, &pos, &k, &v))
    if (request::sameName(utf8(k), key)) return v;
  return kAbsent;
}

}  // namespace agentpol::python
