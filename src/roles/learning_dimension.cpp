#include "src/roles/learning_dimension.hpp"

namespace clusterlens::scoring {
namespace {
bool is_institute(const std::string& type) {
    return type == "university" || type == "research" || type == "government" ||
           type == "intermediary" || type == "consultant";
}
}  // namespace

LearningDimensionScores learning_dimensions(const Network& net) {
    LearningDimensionScores s;
    s.learning_dimension.reserve(net.tie_count());
    s.linkage.reserve(net.tie_count());
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const Actor& a = net.actor(net.source(e));
        const Actor& b = net.actor(net.target(e));
        const bool known =
            a.locality != Locality::unspecified && b.locality != Locality::unspecified;
        const bool a_local = a.locality == Locality::local, b_local = b.locality == Locality::local;
        std::string linkage;
        if (known)
            linkage = a_local && b_local     ? "buzz"
                      : (a_local || b_local) ? "pipeline"
                                             : "extra_local";
        std::string dim = "other";
        if (known && a_local != b_local) {
            dim = "pipeline";
        } else if (a_local && b_local) {
            const bool fa = is_firm_type(a.type), fb = is_firm_type(b.type);
            if (fa && fb) {
                if (a.stage.empty() || b.stage.empty())
                    dim = "firm_firm";
                else
                    dim = a.stage == b.stage ? "horizontal" : "vertical";
            } else if ((fa && is_institute(b.type)) || (fb && is_institute(a.type))) {
                dim = "multi_angle";
            }
        }
        ++s.dimension_counts[dim];
        ++s.linkage_counts[linkage];
        s.learning_dimension.push_back(std::move(dim));
        s.linkage.push_back(std::move(linkage));
    }
    return s;
}

}  // namespace clusterlens::scoring
