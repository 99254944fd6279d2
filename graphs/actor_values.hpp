// Actor attributes by name (scores flow as attributes, so a figure, a brokerage partition or a
// table names them): a model field (part, type, locality, group, stage, id, label) or an
// attribute column. Used by scoring (--groups), render (--size-by, --color-by, ...) alike.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens {

/// Numeric values of an attribute (text parsed; unparsable or empty → NaN), or nullopt when
/// the attribute is categorical (a model field or a text column that is not all numbers).
/// UsageError naming `option` (what the caller calls the choice, e.g. "--size-by") and the
/// choices when there is no such attribute.
std::optional<std::vector<double>> numbers_of(const Network& net, const std::string& name,
                                              const std::string& option);

/// Text values of a model field or an attribute column; UsageError as numbers_of.
std::vector<std::string> texts_of(const Network& net, const std::string& name,
                                  const std::string& option);

/// Two numeric actor attributes as coordinates (text parsed; empty or unparsable → NaN);
/// false when either attribute is missing.
bool coordinates(const Network& net, const char* x_name, const char* y_name, std::vector<double>& x,
                 std::vector<double>& y);

}  // namespace clusterlens
