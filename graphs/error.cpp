#include "graphs/error.hpp"

#include <utility>

namespace clusterlens {

std::string format_pos(const SourcePos& pos) {
    std::string out = pos.path.empty() ? std::string("<input>") : pos.path;
    if (pos.line > 0) {
        out += ':' + std::to_string(pos.line);
        if (pos.column > 0) out += ':' + std::to_string(pos.column);
    }
    return out;
}

InputError::InputError(SourcePos pos, std::string message)
    : Error(format_pos(pos) + ": error: " + message),
      pos_(std::move(pos)),
      message_(std::move(message)) {}

namespace {
std::string join_errors(const std::vector<InputError>& errors, bool truncated) {
    std::string out;
    for (const auto& e : errors) {
        if (!out.empty()) out += '\n';
        out += e.what();
    }
    if (truncated) out += "\n(stopped after " + std::to_string(errors.size()) + " errors)";
    return out;
}
}  // namespace

InputErrors::InputErrors(std::vector<InputError> errors, bool truncated)
    : Error(join_errors(errors, truncated)), errors_(std::move(errors)), truncated_(truncated) {}

std::string Warning::format() const { return format_pos(pos) + ": warning: " + message; }

void ErrorCollector::add(InputError error) {
    errors_.push_back(std::move(error));
    if (errors_.size() >= limit_) throw InputErrors(std::move(errors_), true);
}

void ErrorCollector::throw_if_any() {
    if (!errors_.empty()) throw InputErrors(std::move(errors_), false);
}

}  // namespace clusterlens
