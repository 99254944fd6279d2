#include "src/cli/terminal_output.hpp"

#include "graphs/error.hpp"

namespace clusterlens::cli {

TerminalSafeBuf::~TerminalSafeBuf() { finish(); }

bool TerminalSafeBuf::emit(std::size_t end, bool line_end) {
    const std::string safe = terminal_safe(std::string_view(pending_).substr(0, end));
    pending_.erase(0, end + (line_end ? 1 : 0));
    const auto n = static_cast<std::streamsize>(safe.size());
    if (target_->sputn(safe.data(), n) != n) return false;
    return !line_end || target_->sputc('\n') != traits_type::eof();
}

void TerminalSafeBuf::finish() {
    if (!pending_.empty()) emit(pending_.size(), false);
    target_->pubsync();
}

TerminalSafeBuf::int_type TerminalSafeBuf::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    if (ch == '\n') return emit(pending_.size(), true) ? c : traits_type::eof();
    pending_ += ch;
    return c;
}

std::streamsize TerminalSafeBuf::xsputn(const char* s, std::streamsize n) {
    for (std::streamsize i = 0; i < n; ++i)
        if (traits_type::eq_int_type(overflow(traits_type::to_int_type(s[i])), traits_type::eof()))
            return i;
    return n;
}

int TerminalSafeBuf::sync() {
    // Keep a UTF-8 sequence the flush cut (its lead byte is among the last three bytes and its
    // continuation bytes have not all arrived): escaped alone, its bytes would show as \xNN.
    std::size_t end = pending_.size();
    for (std::size_t back = 1; back <= 3 && back <= pending_.size(); ++back) {
        const auto c = static_cast<unsigned char>(pending_[pending_.size() - back]);
        if ((c >> 6) == 2) continue;  // a continuation byte
        const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (len > back) end = pending_.size() - back;
        break;
    }
    if (end > 0 && !emit(end, false)) return -1;
    return target_->pubsync();
}

TerminalSafeStream::TerminalSafeStream(std::ostream& stream)
    : stream_(stream), original_(stream.rdbuf()), buf_(original_) {
    stream_.rdbuf(&buf_);
}

TerminalSafeStream::~TerminalSafeStream() {
    buf_.finish();
    stream_.rdbuf(original_);
}

}  // namespace clusterlens::cli
