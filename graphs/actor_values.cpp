#include "graphs/actor_values.hpp"

#include <limits>

#include "graphs/attributes.hpp"
#include "graphs/error.hpp"

namespace clusterlens {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

bool is_model_field(const std::string& name) {
    return name == "part" || name == "type" || name == "locality" || name == "group" ||
           name == "stage" || name == "id" || name == "label";
}

std::string model_field(const Actor& a, const std::string& name) {
    if (name == "part") return std::string(to_string(a.part));
    if (name == "type") return a.type;
    if (name == "locality") return std::string(to_string(a.locality));
    if (name == "group") return a.group;
    if (name == "stage") return a.stage;
    if (name == "id") return a.id;
    return a.label;
}

[[noreturn]] void unknown_attribute(const Network& net, const std::string& option,
                                    const std::string& name) {
    std::string names = "part, type, locality, group, stage";
    for (const auto& c : net.actor_attributes().columns()) names += ", " + c.name;
    throw UsageError(option + " '" + name + "' is not an actor attribute; choose one of: " + names);
}

}  // namespace

std::optional<std::vector<double>> numbers_of(const Network& net, const std::string& name,
                                              const std::string& option) {
    if (is_model_field(name)) return std::nullopt;
    const auto* col = net.actor_attributes().find(name);
    if (col == nullptr) unknown_attribute(net, option, name);
    std::vector<double> out(net.actor_count(), kNan);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto text = col->as_text(i);
        if (text.empty()) continue;
        const auto v = parse_number(text);
        if (!v) return std::nullopt;
        out[i] = *v;
    }
    return out;
}

std::vector<std::string> texts_of(const Network& net, const std::string& name,
                                  const std::string& option) {
    std::vector<std::string> out(net.actor_count());
    if (is_model_field(name)) {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = model_field(net.actor(i), name);
        return out;
    }
    const auto* col = net.actor_attributes().find(name);
    if (col == nullptr) unknown_attribute(net, option, name);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = col->as_text(i);
    return out;
}

bool coordinates(const Network& net, const char* x_name, const char* y_name, std::vector<double>& x,
                 std::vector<double>& y) {
    const auto* cx = net.actor_attributes().find(x_name);
    const auto* cy = net.actor_attributes().find(y_name);
    if (cx == nullptr || cy == nullptr) return false;
    x.assign(net.actor_count(), kNan);
    y.assign(net.actor_count(), kNan);
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        x[i] = parse_number(cx->as_text(i)).value_or(kNan);
        y[i] = parse_number(cy->as_text(i)).value_or(kNan);
    }
    return true;
}

}  // namespace clusterlens
