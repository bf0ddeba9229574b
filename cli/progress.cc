// Implements the progress line of progress.h: rendering (pure) and the
// throttled in-place redraw on a terminal.
#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace fuhua {
namespace {

constexpr int kMaxBarWidth = 40;
constexpr int kMinBarWidth = 5;
constexpr double kRedrawSeconds = 0.1;

// "1:05", or "1:02:05" past an hour; "--:--" when unknown.
std::string Duration(double seconds) {
  if (!(seconds >= 0) || seconds > 99 * 3600.0) return "--:--";
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

std::string Bar(int done, int total, int width) {
  int filled = total > 0 ? static_cast<int>(static_cast<long long>(width) * done / total) : width;
  filled = std::clamp(filled, 0, width);
  return "[" + std::string(filled, '#') + std::string(width - filled, '-') + "]";
}

}  // namespace

std::string RenderProgressLine(int done, int total, double seconds, int width) {
  double rate = seconds > 0 ? done / seconds : 0;
  double eta = rate > 0 && done > 0 ? (total - done) / rate : -1;
  int percent = total > 0 ? static_cast<int>(100LL * done / total) : 100;
  char counts[48], tail[96];
  std::snprintf(counts, sizeof counts, "%d/%d", done, total);
  std::snprintf(tail, sizeof tail, "%3d%%  %.1f files/s  ETA %s", percent, rate,
                Duration(eta).c_str());
  const int room = width - 1;
  int bar =
      std::min(kMaxBarWidth,
               room - static_cast<int>(std::string(counts).size() + std::string(tail).size()) - 4);
  std::string line = std::string(counts) + " ";
  if (bar >= kMinBarWidth) line += Bar(done, total, bar) + " ";
  line += tail;
  if (room > 0 && static_cast<int>(line.size()) > room) line.resize(static_cast<size_t>(room));
  return line;
}

ProgressBar::ProgressBar(std::ostream* out, bool enabled, int width)
    : out_(out), enabled_(enabled && out != nullptr), width_(width) {}

void ProgressBar::Update(int done, int total, double seconds) {
  if (!enabled_) return;
  bool last = done >= total;
  if (!last && last_drawn_ >= 0 && seconds - last_drawn_ < kRedrawSeconds) return;
  last_drawn_ = seconds;
  std::string line = RenderProgressLine(done, total, seconds, width_);
  // Pad over a longer previous line, so no stale characters stay behind.
  std::string pad(drawn_ > line.size() ? drawn_ - line.size() : 0, ' ');
  *out_ << '\r' << line << pad << std::flush;
  drawn_ = line.size();
}

void ProgressBar::Clear() {
  if (!enabled_ || drawn_ == 0) return;
  *out_ << '\r' << std::string(drawn_, ' ') << '\r' << std::flush;
  drawn_ = 0;
}

bool ProgressBar::ShouldDraw(int fd, bool quiet) { return !quiet && ::isatty(fd) == 1; }

int ProgressBar::TerminalWidth(int fd) {
  struct winsize ws {};
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

}  // namespace fuhua
