// audit_log.cpp — FileAudit (open, one write(2) per line, EINTR and short
// writes handled, optional fsync), audit ids, and the line renderers (keys
// in the documented order: nlohmann's ordered_json).
#include "core/audit_log.h"

#include <agentpol/audit.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/random.h>
#include <unistd.h>

namespace agentpol::gateway {
namespace {

using ojson = nlohmann::ordered_json;

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

ojson rules_of(const Verdict& v) {
  ojson rules = ojson::array();
  for (const std::string& r : v.rules) rules.push_back(r);
  return rules;
}

ojson optional_string(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

}  // namespace

std::unique_ptr<FileAudit> FileAudit::open(const std::string& path, bool fsync, std::string* error) {
  if (path == "-") return std::unique_ptr<FileAudit>(new FileAudit(STDERR_FILENO, false, fsync));
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    *error = "cannot open the audit log " + path + ": " + std::strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<FileAudit>(new FileAudit(fd, true, fsync));
}

FileAudit::~FileAudit() {
  if (owned_) ::close(fd_);
}

bool FileAudit::write(std::string_view line, std::string* error) {
  buf_.clear();
  if (torn_) buf_.push_back('\n');
  buf_.append(line);
  buf_.push_back('\n');
  size_t done = 0;
  while (done < buf_.size()) {
    ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = n < 0 ? std::strerror(errno) : "nothing written";
      torn_ = torn_ || done > 0;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  torn_ = false;
  if (fsync_ && ::fsync(fd_) != 0) {
    *error = std::string("fsync: ") + std::strerror(errno);
    return false;
  }
  return true;
}

AuditIds::AuditIds() {
  unsigned char bytes[6];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    std::random_device rd;  // getrandom is there on every supported kernel; this is a fallback
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(rd());
  }
  char hex[13];
  for (int i = 0; i < 6; ++i) std::snprintf(hex + 2 * i, 3, "%02x", bytes[i]);
  prefix_ = hex;
}

std::string AuditIds::next() {
  char seq[24];
  std::snprintf(seq, sizeof seq, "%06llu", static_cast<unsigned long long>(++seq_));
  return prefix_ + "-" + seq;
}

std::string rfc3339_millis(int64_t epoch_ms) {
  int64_t secs = epoch_ms / 1000, ms = epoch_ms % 1000;
  if (ms < 0) { ms += 1000; --secs; }
  std::string out;
  format_time(secs, &out);  // ends in 'Z'
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(ms));
  out.insert(out.size() - 1, frac);
  return out;
}

std::string call_line(const CallRecord& r) {
  const Verdict& v = *r.verdict;
  ojson line;
  line["time"] = rfc3339_millis(r.time_ms);
  line["audit_id"] = r.audit_id;
  line["agent"] = r.caller->agent;
  line["user"] = optional_string(r.caller->user);
  line["tool"] = optional_string(r.tool);
  line["action"] = optional_string(v.action);
  line["args"] = r.args ? ojson::parse(canonical(*r.args)) : ojson(nullptr);
  line["decision"] = to_string(v.decision);
  line["reason"] = to_string(v.reason);
  line["rules"] = rules_of(v);
  if (!v.message.empty()) line["message"] = v.message;
  line["bundle"] = r.bundle;
  line["mode"] = r.mode;
  line["outcome"] = r.outcome;
  if (r.approval) line["approval"] = *r.approval;
  if (r.approver) line["approver"] = *r.approver;
  if (r.shadow) {
    const Verdict& s = *r.shadow->verdict;
    ojson shadow{{"decision", to_string(s.decision)}, {"reason", to_string(s.reason)}, {"rules", rules_of(s)},
                 {"bundle", r.shadow->bundle}, {"flip", s.decision != v.decision}};
    if (!s.message.empty()) shadow["message"] = s.message;
    line["shadow"] = std::move(shadow);
  }
  return dump(line);
}

std::string reload_line(int64_t time_ms, const ReloadEvent& e) {
  ojson line{{"time", rfc3339_millis(time_ms)}, {"event", e.event}};
  if (!e.role.empty()) line["role"] = e.role;
  line["file"] = e.file;
  if (!e.error.empty()) line["error"] = e.error;
  line["bundle"] = e.bundle;
  return dump(line);
}

}  // namespace agentpol::gateway
